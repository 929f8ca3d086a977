import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import { text } from '../../flags/flag.js';
import { checkBody, checkNoSelf, printNamespace, pyTypeName } from '../support/metadefs.js';
import { namespaceBytes, parseNamespaceJson } from '../support/namespace-file.js';

export interface Options {
  file?: string;
}

export const mdNamespaceImport = command({
  spec: {
    name: 'md-namespace-import',
    summary: 'Import a metadata definitions namespace from file or standard input.',
    example: 'glance md-namespace-import --file compute-libvirt.json',
    options: {
      file: text('--file <FILEPATH>', 'Path to file with namespace schema to import. Alternatively, namespaces schema can be passed to the client via stdin.'),
    },
    output: 'record',
  },
  parse: ({ flags }): Options => flags,
  async run(options, deps) {
    const bytes = await namespaceBytes(options.file, deps);
    if (bytes === undefined) throw new CliError('No metadata definition namespace passed via stdin or --file argument.');
    const document = parseNamespaceJson(bytes);
    // glanceclient calls create(**document): Python's own TypeErrors come first.
    if (typeof document !== 'object' || document === null || Array.isArray(document))
      throw new CliError(`glanceclient.v2.metadefs.NamespaceController.create() argument after ** must be a mapping, not ${pyTypeName(document)}`);
    const body = document as Record<string, unknown>;
    checkNoSelf(body, 'NamespaceController.create');
    const api = await deps.image();
    checkBody(await api.metadefNamespaces.schema(), body);
    printNamespace(deps, await api.metadefNamespaces.create(body));
  },
});

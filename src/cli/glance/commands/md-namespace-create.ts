import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { checkBody, checkNoSelf, printNamespace, schemaFields } from '../support/metadefs.js';
import { createFlags } from '../support/namespace-flags.js';

export interface Options {
  fields: Array<readonly [string, unknown]>;
}

export const mdNamespaceCreate = command({
  spec: {
    name: 'md-namespace-create',
    summary: 'Create a new metadata definitions namespace.',
    example: 'glance md-namespace-create <NAMESPACE> --display-name "My namespace" --visibility private',
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of the namespace.') },
    options: createFlags,
    output: 'record',
  },
  parse: ({ flags, args }): Options => ({ fields: [['namespace', args.namespace], ...Object.entries(flags)] }),
  async run(options, deps) {
    const api = await deps.image();
    const schema = await api.metadefNamespaces.schema();
    const body = schemaFields(schema, options.fields);
    checkNoSelf(body, 'NamespaceController.create');
    checkBody(schema, body);
    printNamespace(deps, await api.metadefNamespaces.create(body));
  },
});

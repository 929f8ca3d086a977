import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { checkNoSelf, checkSet, printNamespace, schemaFields } from '../support/metadefs.js';
import { updateFlags } from '../support/namespace-flags.js';

export interface Options {
  namespace: string;
  fields: Array<readonly [string, unknown]>;
}

/** What glanceclient strips before the PUT: the server sets these. */
const READ_ONLY = ['schema', 'updated_at', 'created_at'];

export const mdNamespaceUpdate = command({
  spec: {
    name: 'md-namespace-update',
    summary: 'Update an existing metadata definitions namespace.',
    example: 'glance md-namespace-update <NAMESPACE> --description "What it holds"',
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace to update.') },
    options: updateFlags,
    output: 'record',
  },
  parse: ({ flags, args }): Options => ({ namespace: args.namespace, fields: Object.entries(flags) }),
  async run(options, deps) {
    const api = await deps.image();
    const schema = await api.metadefNamespaces.schema();
    const changes = schemaFields(schema, options.fields);
    checkNoSelf(changes, 'NamespaceController.update');
    // glanceclient reads the namespace, sets each field on it (each checked against the schema),
    // PUTs the whole record back, then reads it again under its (possibly new) name.
    const { self: _link, ...current } = await api.metadefNamespaces.get(options.namespace);
    const record: Record<string, unknown> = current;
    for (const [key, value] of Object.entries(changes)) {
      checkSet(schema, record, key, value);
      record[key] = value;
    }
    for (const key of READ_ONLY) delete record[key];
    await api.metadefNamespaces.replace(options.namespace, record);
    printNamespace(deps, await api.metadefNamespaces.get(String(record.namespace)));
  },
});

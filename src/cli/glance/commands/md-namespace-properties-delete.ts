import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';

export const mdNamespacePropertiesDelete = command({
  spec: {
    name: 'md-namespace-properties-delete',
    summary: 'Delete all metadata definitions property inside a specific namespace.',
    example: 'glance md-namespace-properties-delete <NAMESPACE>',
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace.') },
    output: 'none',
  },
  parse: ({ args }) => ({ namespace: args.namespace }),
  async run(options, deps) {
    const api = await deps.image();
    await api.metadefNamespaces.deleteAll(options.namespace, 'properties');
  },
});

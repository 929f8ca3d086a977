import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';

export const mdNamespaceDelete = command({
  spec: {
    name: 'md-namespace-delete',
    summary: 'Delete specified metadata definitions namespace with its contents.',
    example: 'glance md-namespace-delete <NAMESPACE>',
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace to delete.') },
    output: 'none',
  },
  parse: ({ args }) => ({ namespace: args.namespace }),
  async run(options, deps) {
    const api = await deps.image();
    await api.metadefNamespaces.delete(options.namespace);
  },
});

import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';

export const mdNamespaceTagsDelete = command({
  spec: {
    name: 'md-namespace-tags-delete',
    summary: 'Delete all metadata definitions tags inside a specific namespace.',
    example: 'glance md-namespace-tags-delete <NAMESPACE>',
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace.') },
    output: 'none',
  },
  parse: ({ args }) => ({ namespace: args.namespace }),
  async run(options, deps) {
    const api = await deps.image();
    await api.metadefNamespaces.deleteAll(options.namespace, 'tags');
  },
});

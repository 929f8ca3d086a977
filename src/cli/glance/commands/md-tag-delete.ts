import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';

const EXAMPLE = 'glance md-tag-delete <NAMESPACE> <TAG>';

export const mdTagDelete = command({
  spec: {
    name: 'md-tag-delete',
    glanceclientErrors: true,
    summary: 'Delete a specific metadata definitions tag inside a namespace.',
    example: EXAMPLE,
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of the namespace to which the tag belongs.'), tag: requiredArg('<TAG>', 'Name of the tag.') },
  },
  parse({ args }) {
    return { namespace: args.namespace, tag: args.tag };
  },
  async run(options, deps) {
    await (await deps.image()).metadefTags.delete(options.namespace, options.tag);
  },
});

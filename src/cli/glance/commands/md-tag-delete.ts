import { command } from '../../command.js';
import { checkedArg } from '../../flags/args.js';
import { requireArguments } from '../support/metadef-items.js';

const USAGE = 'glance md-tag-delete <NAMESPACE> <TAG>';

export const mdTagDelete = command({
  spec: {
    name: 'md-tag-delete',
    summary: 'Delete a specific metadata definitions tag inside a namespace.',
    example: USAGE,
    args: { namespace: checkedArg('<NAMESPACE>', 'Name of the namespace to which the tag belongs.'), tag: checkedArg('<TAG>', 'Name of the tag.') },
  },
  parse({ args }) {
    requireArguments(USAGE, [
      ['<NAMESPACE>', args.namespace],
      ['<TAG>', args.tag],
    ]);
    return { namespace: args.namespace!, tag: args.tag! };
  },
  async run(options, deps) {
    await (await deps.image()).metadefTags.delete(options.namespace, options.tag);
  },
});

import { command } from '../../command.js';
import { checkedArg } from '../../flags/args.js';
import { requireArguments } from '../support/metadef-items.js';
import { printDict } from '../support/v2-commands.js';

const USAGE = 'glance md-tag-show <NAMESPACE> <TAG>';

export const mdTagShow = command({
  spec: {
    name: 'md-tag-show',
    summary: 'Describe a specific metadata definitions tag inside a namespace.',
    example: USAGE,
    args: { namespace: checkedArg('<NAMESPACE>', 'Name of the namespace to which the tag belongs.'), tag: checkedArg('<TAG>', 'Name of the tag.') },
    output: 'record',
  },
  parse({ args }) {
    requireArguments(USAGE, [
      ['<NAMESPACE>', args.namespace],
      ['<TAG>', args.tag],
    ]);
    return { namespace: args.namespace!, tag: args.tag! };
  },
  async run(options, deps) {
    printDict(deps, await (await deps.image()).metadefTags.get(options.namespace, options.tag));
  },
});

import { command } from '../../command.js';
import { checkedArg } from '../../flags/args.js';
import { requireArguments } from '../support/metadef-items.js';
import { printPyList } from '../support/v2-commands.js';

const USAGE = 'glance md-tag-list <NAMESPACE>';

export const mdTagList = command({
  spec: {
    name: 'md-tag-list',
    summary: 'List metadata definitions tags inside a specific namespace.',
    example: USAGE,
    args: { namespace: checkedArg('<NAMESPACE>', 'Name of namespace.') },
    output: 'list',
  },
  parse({ args }) {
    requireArguments(USAGE, [['<NAMESPACE>', args.namespace]]);
    return { namespace: args.namespace! };
  },
  async run(options, deps) {
    const tags = await (await deps.image()).metadefTags.list(options.namespace);
    printPyList(deps, { columns: ['name'], rows: tags.map((tag) => [tag.name]) });
  },
});

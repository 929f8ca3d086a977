import { command } from '../../command.js';
import { checkedArg } from '../../flags/args.js';
import { DESCRIPTION_WIDTH } from '../support/metadef-views.js';
import { requireArguments } from '../support/metadef-items.js';
import { printPyList } from '../support/v2-commands.js';

const USAGE = 'glance md-object-list <NAMESPACE>';

export const mdObjectList = command({
  spec: {
    name: 'md-object-list',
    summary: 'List metadata definitions objects inside a specific namespace.',
    example: USAGE,
    args: { namespace: checkedArg('<NAMESPACE>', 'Name of namespace.') },
    output: 'list',
  },
  parse({ args }) {
    requireArguments(USAGE, [['<NAMESPACE>', args.namespace]]);
    return { namespace: args.namespace! };
  },
  async run(options, deps) {
    const objects = await (await deps.image()).metadefObjects.list(options.namespace);
    printPyList(deps, { columns: ['name', 'description'], rows: objects.map((o) => [o.name, o.description]) }, DESCRIPTION_WIDTH);
  },
});

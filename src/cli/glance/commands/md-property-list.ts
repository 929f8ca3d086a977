import { command } from '../../command.js';
import { checkedArg } from '../../flags/args.js';
import { requireArguments } from '../support/metadef-items.js';
import { printPyList } from '../support/v2-commands.js';

const USAGE = 'glance md-property-list <NAMESPACE>';

export const mdPropertyList = command({
  spec: {
    name: 'md-property-list',
    summary: 'List metadata definitions properties inside a specific namespace.',
    example: USAGE,
    args: { namespace: checkedArg('<NAMESPACE>', 'Name of namespace.') },
    output: 'list',
  },
  parse({ args }) {
    requireArguments(USAGE, [['<NAMESPACE>', args.namespace]]);
    return { namespace: args.namespace! };
  },
  async run(options, deps) {
    const properties = await (await deps.image()).metadefProperties.list(options.namespace);
    printPyList(deps, { columns: ['name', 'title', 'type'], rows: properties.map((p) => [p.name, p.title, p.type]) });
  },
});

import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { DESCRIPTION_WIDTH } from '../support/metadef-views.js';
import { printPyList } from '../support/v2-commands.js';

const EXAMPLE = 'glance md-object-list <NAMESPACE>';

export const mdObjectList = command({
  spec: {
    name: 'md-object-list',
    glanceclientErrors: true,
    summary: 'List metadata definitions objects inside a specific namespace.',
    example: EXAMPLE,
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace.') },
    output: 'list',
  },
  parse({ args }) {
    return { namespace: args.namespace };
  },
  async run(options, deps) {
    const objects = await (await deps.image()).metadefObjects.list(options.namespace);
    printPyList(deps, { columns: ['name', 'description'], rows: objects.map((o) => [o.name, o.description]) }, DESCRIPTION_WIDTH);
  },
});

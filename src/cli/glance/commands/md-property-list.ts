import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { printPyList } from '../support/v2-commands.js';

const EXAMPLE = 'glance md-property-list <NAMESPACE>';

export const mdPropertyList = command({
  spec: {
    name: 'md-property-list',
    glanceclientErrors: true,
    summary: 'List metadata definitions properties inside a specific namespace.',
    example: EXAMPLE,
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace.') },
    output: 'list',
  },
  parse({ args }) {
    return { namespace: args.namespace };
  },
  async run(options, deps) {
    const properties = await (await deps.image()).metadefProperties.list(options.namespace);
    printPyList(deps, { columns: ['name', 'title', 'type'], rows: properties.map((p) => [p.name, p.title, p.type]) });
  },
});

import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { printPyList } from '../support/v2-commands.js';

const EXAMPLE = 'glance md-tag-list <NAMESPACE>';

export const mdTagList = command({
  spec: {
    name: 'md-tag-list',
    glanceclientErrors: true,
    summary: 'List metadata definitions tags inside a specific namespace.',
    example: EXAMPLE,
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace.') },
    output: 'list',
  },
  parse({ args }) {
    return { namespace: args.namespace };
  },
  async run(options, deps) {
    const tags = await (await deps.image()).metadefTags.list(options.namespace);
    printPyList(deps, { columns: ['name'], rows: tags.map((tag) => [tag.name]) });
  },
});

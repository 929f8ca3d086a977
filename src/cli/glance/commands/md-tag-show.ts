import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { printDict } from '../support/v2-commands.js';

const EXAMPLE = 'glance md-tag-show <NAMESPACE> <TAG>';

export const mdTagShow = command({
  spec: {
    name: 'md-tag-show',
    glanceclientErrors: true,
    summary: 'Describe a specific metadata definitions tag inside a namespace.',
    example: EXAMPLE,
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of the namespace to which the tag belongs.'), tag: requiredArg('<TAG>', 'Name of the tag.') },
    output: 'record',
  },
  parse({ args }) {
    return { namespace: args.namespace, tag: args.tag };
  },
  async run(options, deps) {
    printDict(deps, await (await deps.image()).metadefTags.get(options.namespace, options.tag));
  },
});

import { command } from '../../command.js';
import { checkedArg } from '../../flags/args.js';
import { requireArguments } from '../support/metadef-items.js';

const USAGE = 'glance md-property-delete <NAMESPACE> <PROPERTY>';

export const mdPropertyDelete = command({
  spec: {
    name: 'md-property-delete',
    summary: 'Delete a specific metadata definitions property inside a namespace.',
    example: USAGE,
    args: { namespace: checkedArg('<NAMESPACE>', 'Name of namespace the property belongs.'), property: checkedArg('<PROPERTY>', 'Name of a property.') },
  },
  parse({ args }) {
    requireArguments(USAGE, [
      ['<NAMESPACE>', args.namespace],
      ['<PROPERTY>', args.property],
    ]);
    return { namespace: args.namespace!, property: args.property! };
  },
  async run(options, deps) {
    await (await deps.image()).metadefProperties.delete(options.namespace, options.property);
  },
});

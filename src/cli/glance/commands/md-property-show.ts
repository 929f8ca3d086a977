import { command } from '../../command.js';
import { checkedArg } from '../../flags/args.js';
import { maxColumnWidthFlag, printMetadef } from '../support/metadef-views.js';
import { requireArguments } from '../support/metadef-items.js';

const USAGE = `glance md-property-show [--max-column-width <integer>]
                               <NAMESPACE> <PROPERTY>`;

export const mdPropertyShow = command({
  spec: {
    name: 'md-property-show',
    summary: 'Describe a specific metadata definitions property inside a namespace.',
    example: 'glance md-property-show <NAMESPACE> <PROPERTY>',
    args: { namespace: checkedArg('<NAMESPACE>', 'Name of namespace the property belongs.'), property: checkedArg('<PROPERTY>', 'Name of a property.') },
    options: { maxColumnWidth: maxColumnWidthFlag },
    output: 'record',
  },
  parse({ args, flags }) {
    requireArguments(USAGE, [
      ['<NAMESPACE>', args.namespace],
      ['<PROPERTY>', args.property],
    ]);
    return { namespace: args.namespace!, property: args.property!, maxColumnWidth: flags.maxColumnWidth };
  },
  async run(options, deps) {
    const property = await (await deps.image()).metadefProperties.get(options.namespace, options.property);
    printMetadef(deps, property, options.maxColumnWidth);
  },
});

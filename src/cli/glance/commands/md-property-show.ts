import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { maxColumnWidthFlag, printMetadef } from '../support/metadef-views.js';

export const mdPropertyShow = command({
  spec: {
    name: 'md-property-show',
    glanceclientErrors: true,
    summary: 'Describe a specific metadata definitions property inside a namespace.',
    example: 'glance md-property-show <NAMESPACE> <PROPERTY>',
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace the property belongs.'), property: requiredArg('<PROPERTY>', 'Name of a property.') },
    options: { maxColumnWidth: maxColumnWidthFlag },
    output: 'record',
  },
  parse({ args, flags }) {
    return { namespace: args.namespace, property: args.property, maxColumnWidth: flags.maxColumnWidth };
  },
  async run(options, deps) {
    const property = await (await deps.image()).metadefProperties.get(options.namespace, options.property);
    printMetadef(deps, property, options.maxColumnWidth);
  },
});

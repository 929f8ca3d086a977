import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { maxColumnWidthFlag, printMetadef } from '../support/metadef-views.js';

export const mdObjectPropertyShow = command({
  spec: {
    name: 'md-object-property-show',
    glanceclientErrors: true,
    summary: 'Describe a specific metadata definitions property inside an object.',
    example: 'glance md-object-property-show <NAMESPACE> <OBJECT> <PROPERTY>',
    args: {
      namespace: requiredArg('<NAMESPACE>', 'Name of namespace the object belongs.'),
      object: requiredArg('<OBJECT>', 'Name of an object.'),
      property: requiredArg('<PROPERTY>', 'Name of a property.'),
    },
    options: { maxColumnWidth: maxColumnWidthFlag },
    output: 'record',
  },
  parse({ args, flags }) {
    return { namespace: args.namespace, object: args.object, property: args.property, maxColumnWidth: flags.maxColumnWidth };
  },
  async run(options, deps) {
    const object = await (await deps.image()).metadefObjects.get(options.namespace, options.object);
    const property = Object.hasOwn(object.properties ?? {}, options.property) ? object.properties![options.property] : undefined;
    if (!property) throw new CliError(`Property ${options.property} not found in object ${options.object}.`);
    printMetadef(deps, { ...property, name: options.property }, options.maxColumnWidth);
  },
});

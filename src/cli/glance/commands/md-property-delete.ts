import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';

const EXAMPLE = 'glance md-property-delete <NAMESPACE> <PROPERTY>';

export const mdPropertyDelete = command({
  spec: {
    name: 'md-property-delete',
    glanceclientErrors: true,
    summary: 'Delete a specific metadata definitions property inside a namespace.',
    example: EXAMPLE,
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace the property belongs.'), property: requiredArg('<PROPERTY>', 'Name of a property.') },
  },
  parse({ args }) {
    return { namespace: args.namespace, property: args.property };
  },
  async run(options, deps) {
    await (await deps.image()).metadefProperties.delete(options.namespace, options.property);
  },
});

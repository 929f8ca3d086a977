import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';

export const mdResourceTypeDeassociate = command({
  spec: {
    name: 'md-resource-type-deassociate',
    summary: 'Deassociate resource type with a metadata definitions namespace.',
    example: 'glance md-resource-type-deassociate <NAMESPACE> OS::Glance::Image',
    args: {
      namespace: requiredArg('<NAMESPACE>', 'Name of namespace.'),
      resourceType: requiredArg('<RESOURCE_TYPE>', 'Name of resource type.'),
    },
    output: 'none',
  },
  parse: ({ args }) => ({ namespace: args.namespace, resourceType: args.resourceType }),
  async run(options, deps) {
    const api = await deps.image();
    await api.metadefResourceTypes.deassociate(options.namespace, options.resourceType);
  },
});

import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { text, withDefault } from '../../flags/flag.js';
import { maxColumnWidth, printNamespace } from '../support/metadefs.js';

export interface Options {
  namespace: string;
  resourceType?: string;
  /** As given: glanceclient reads it with int() only once the namespace is fetched. */
  maxColumnWidth: string;
}

export const mdNamespaceShow = command({
  spec: {
    name: 'md-namespace-show',
    summary: 'Describe a specific metadata definitions namespace. Lists also the namespace properties, objects and resource type associations.',
    example: 'glance md-namespace-show OS::Compute::Libvirt --resource-type OS::Glance::Image',
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace to describe.') },
    options: {
      resourceType: text(
        '--resource-type <RESOURCE_TYPE>',
        'Applies prefix of given resource type associated to a namespace to all properties of a namespace.',
      ),
      maxColumnWidth: withDefault(text('--max-column-width <integer>', 'The max column width of the printed table.', { default: '80' }), '80'),
    },
    output: 'record',
  },
  parse: ({ flags, args }): Options => ({ namespace: args.namespace, ...flags }),
  async run(options, deps) {
    const api = await deps.image();
    const namespace = await api.metadefNamespaces.get(options.namespace, options.resourceType);
    printNamespace(deps, namespace, maxColumnWidth(options.maxColumnWidth));
  },
});

import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { printPyList } from '../support/v2-commands.js';

const COLUMNS = ['name', 'prefix', 'properties_target'] as const;

export const mdNamespaceResourceTypeList = command({
  spec: {
    name: 'md-namespace-resource-type-list',
    summary: 'List resource types associated to specific namespace.',
    example: 'glance md-namespace-resource-type-list OS::Compute::Libvirt',
    args: { namespace: requiredArg('<NAMESPACE>', 'Name of namespace.') },
    output: 'list',
  },
  parse: ({ args }) => ({ namespace: args.namespace }),
  async run(options, deps) {
    const api = await deps.image();
    const associations = await api.metadefResourceTypes.forNamespace(options.namespace);
    printPyList(deps, { columns: COLUMNS, rows: associations.map((a) => COLUMNS.map((c) => a[c] as string | undefined)) });
  },
});

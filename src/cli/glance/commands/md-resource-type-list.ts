import { command } from '../../command.js';
import { printPyList } from '../support/v2-commands.js';

export const mdResourceTypeList = command({
  spec: {
    name: 'md-resource-type-list',
    summary: 'List available resource type names.',
    example: 'glance md-resource-type-list',
    output: 'list',
  },
  parse: () => ({}),
  async run(_options, deps) {
    const api = await deps.image();
    const types = await api.metadefResourceTypes.list();
    printPyList(deps, { columns: ['name'], rows: types.map((t) => [t.name]) });
  },
});

import { command } from '../../command.js';
import { sortRows } from '../support/records.js';

export const serviceList = command({
  spec: { name: 'service-list', summary: 'List all services in Service Catalog.', example: 'keystone service-list', output: 'list' },
  parse: () => ({}),
  async run(_options, deps) {
    const services = await (await deps.identity()).services.list();
    const rows = services.map((s) => [s.id, s.name ?? null, s.type, s.description ?? null]);
    deps.print.list({ columns: ['id', 'name', 'type', 'description'], rows: sortRows(rows, 1) });
  },
});

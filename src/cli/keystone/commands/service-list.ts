import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { sortRows } from '../support/records.js';

export interface Options {}

export const serviceList = command<Options>({
  spec: { name: 'service-list', summary: 'List all services in Service Catalog.', example: 'keystone service-list', output: 'list' },
  parse: () => ({}),
  async run(_options: Options, deps: Deps) {
    const services = await (await deps.identity()).services.list();
    const rows = services.map((s) => [s.id, s.name ?? null, s.type, s.description ?? null]);
    deps.print.list({ columns: ['id', 'name', 'type', 'description'], rows: sortRows(rows, 1) });
  },
});

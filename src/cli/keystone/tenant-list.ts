import { command } from '../command.js';
import type { Deps } from '../deps.js';
import { tenantDomainId } from './lookup.js';
import { sortRows } from './records.js';

export interface Options {}

export const tenantList = command<Options>({
  spec: { name: 'tenant-list', summary: 'List all tenants.', example: 'keystone tenant-list | grep services', output: 'list' },
  parse: () => ({}),
  async run(_options: Options, deps: Deps) {
    const identity = await deps.identity();
    const projects = await identity.projects.list({ domain_id: await tenantDomainId(identity) });
    deps.print.list({ columns: ['id', 'name', 'enabled'], rows: sortRows(projects.map((p) => [p.id, p.name, p.enabled]), 1) });
  },
});

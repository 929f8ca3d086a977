import { command } from '../command.js';
import type { Deps } from '../deps.js';

export interface Options {}

export const tenantList = command<Options>({
  spec: { name: 'tenant-list', summary: 'List all tenants (projects).', example: 'keystone tenant-list | grep services', output: 'list' },
  parse: () => ({}),
  async run(_options: Options, deps: Deps) {
    const identity = await deps.identity();
    const projects = await identity.projects.list();
    projects.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    deps.print.list({ columns: ['id', 'name', 'enabled'], rows: projects.map((p) => [p.id, p.name, p.enabled]) });
  },
});

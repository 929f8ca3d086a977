import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { sortRows } from '../support/records.js';

export interface Options {}

export const roleList = command<Options>({
  spec: { name: 'role-list', summary: 'List all roles.', example: 'keystone role-list', output: 'list' },
  parse: () => ({}),
  async run(_options: Options, deps: Deps) {
    const roles = await (await deps.identity()).roles.list();
    deps.print.list({ columns: ['id', 'name'], rows: sortRows(roles.map((r) => [r.id, r.name]), 1) });
  },
});

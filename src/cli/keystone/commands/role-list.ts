import { command } from '../../command.js';
import { sortRows } from '../support/records.js';

export const roleList = command({
  spec: { name: 'role-list', summary: 'List all roles.', example: 'keystone role-list', output: 'list' },
  parse: () => ({}),
  async run(_options, deps) {
    const roles = await (await deps.identity()).roles.list();
    deps.print.list({
      columns: ['id', 'name'],
      rows: sortRows(
        roles.map((r) => [r.id, r.name]),
        1,
      ),
    });
  },
});

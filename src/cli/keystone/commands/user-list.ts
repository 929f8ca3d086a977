import { command } from '../../command.js';
import { withIdSpellings } from '../support/flags.js';
import { findTenant, tenantDomainId } from '../support/lookup.js';
import { sortRows } from '../support/records.js';

export const userList = command({
  spec: {
    name: 'user-list',
    summary: 'List users.',
    example: 'keystone user-list --tenant services',
    options: { tenant: withIdSpellings('tenant', 'Tenant;  lists all users if not specified.') },
    output: 'list',
  },
  parse: ({ flags }) => ({ tenant: flags.tenant }),
  async run(options, deps) {
    const identity = await deps.identity();
    let users;
    if (options.tenant) {
      // v2.0's users of a tenant: those holding a role on it.
      const project = await findTenant(identity, options.tenant);
      const members = new Set((await identity.roleAssignments.list({ projectId: project.id })).flatMap((a) => (a.user ? [a.user.id] : [])));
      users = (await identity.users.list()).filter((u) => members.has(u.id));
    } else {
      users = await identity.users.list({ domain_id: await tenantDomainId(identity) });
    }
    deps.print.list({
      columns: ['id', 'name', 'enabled', 'email'],
      rows: sortRows(
        users.map((u) => [u.id, u.name, u.enabled, u.email ?? null]),
        1,
      ),
    });
  },
});

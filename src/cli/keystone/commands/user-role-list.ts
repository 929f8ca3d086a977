import { command } from '../../command.js';
import { withIdSpellings } from '../support/flags.js';
import { authenticated, findTenant, findUser } from '../support/lookup.js';
import { sortRows } from '../support/records.js';

export const userRoleList = command({
  spec: {
    name: 'user-role-list',
    summary: 'List roles granted to a user.',
    example: 'keystone user-role-list --user glance --tenant services',
    options: {
      user: withIdSpellings('user', 'List roles granted to specified user.'),
      tenant: withIdSpellings('tenant', 'List only roles granted on specified tenant.'),
    },
    output: 'list',
  },
  parse: ({ flags }) => ({ user: flags.user, tenant: flags.tenant }),
  async run(options, deps) {
    const identity = await deps.identity();
    // The classic defaults: the authenticated user and tenant.
    const self = options.user && options.tenant ? undefined : await authenticated(identity, '--user and --tenant');
    const userId = options.user ? (await findUser(identity, options.user)).id : self!.userId;
    const tenantId = options.tenant ? (await findTenant(identity, options.tenant)).id : self!.projectId;
    const assignments = tenantId ? await identity.roleAssignments.list({ userId, projectId: tenantId, includeNames: true }) : [];
    const rows = assignments.map((a) => [a.role.id, a.role.name ?? null, userId, tenantId ?? null]);
    deps.print.list({ columns: ['id', 'name', 'user_id', 'tenant_id'], rows: sortRows(rows, 1) });
  },
});

import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { idSpelling, withIdSpellings } from '../support/flags.js';
import { authenticated, findTenant, findUser } from '../support/lookup.js';
import { sortRows } from '../support/records.js';

export interface Options {
  user?: string;
  tenant?: string;
}

export const userRoleList = command<Options>({
  spec: {
    name: 'user-role-list',
    summary: 'List roles granted to a user.',
    example: 'keystone user-role-list --user glance --tenant services',
    options: [
      ...withIdSpellings('user', 'List roles granted to specified user.'),
      ...withIdSpellings('tenant', 'List only roles granted on specified tenant.'),
    ],
    output: 'list',
  },
  parse: (raw) => ({ user: idSpelling(raw.opts, 'user'), tenant: idSpelling(raw.opts, 'tenant') }),
  async run(options: Options, deps: Deps) {
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

import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { findGrant, GRANT_OPTIONS, parseGrant, type GrantOptions } from '../support/role-grant-options.js';

export const userRoleAdd = command<GrantOptions>({
  spec: {
    name: 'user-role-add',
    summary: 'Add role to user.',
    example: 'keystone user-role-add --user glance --role admin --tenant services',
    options: GRANT_OPTIONS,
    output: 'none',
  },
  parse: (raw) => parseGrant(raw, 'user-role-add'),
  async run(options: GrantOptions, deps: Deps) {
    const identity = await deps.identity();
    const { userId, roleId, tenantId } = await findGrant(identity, options);
    await identity.roles.grantOnProject(tenantId, userId, roleId);
  },
});

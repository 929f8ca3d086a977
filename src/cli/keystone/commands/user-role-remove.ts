import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { findGrant, GRANT_OPTIONS, parseGrant, type GrantOptions } from '../support/role-grant-options.js';

export const userRoleRemove = command<GrantOptions>({
  spec: {
    name: 'user-role-remove',
    summary: 'Remove role from user.',
    example: 'keystone user-role-remove --user glance --role admin --tenant services',
    options: GRANT_OPTIONS,
    output: 'none',
  },
  parse: (raw) => parseGrant(raw, 'user-role-remove'),
  async run(options: GrantOptions, deps: Deps) {
    const identity = await deps.identity();
    const { userId, roleId, tenantId } = await findGrant(identity, options);
    await identity.roles.revokeOnProject(tenantId, userId, roleId);
  },
});

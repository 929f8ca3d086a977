import { command } from '../../command.js';
import { findGrant, GRANT_FLAGS, parseGrant } from '../support/role-grant-options.js';

export const userRoleRemove = command({
  spec: {
    name: 'user-role-remove',
    summary: 'Remove role from user.',
    example: 'keystone user-role-remove --user glance --role admin --tenant services',
    options: GRANT_FLAGS,
    output: 'none',
  },
  parse: ({ flags }) => parseGrant(flags, 'user-role-remove'),
  async run(options, deps) {
    const identity = await deps.identity();
    const { userId, roleId, tenantId } = await findGrant(identity, options);
    await identity.roles.revokeOnProject(tenantId, userId, roleId);
  },
});

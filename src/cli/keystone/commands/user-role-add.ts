import { command } from '../../command.js';
import { findGrant, GRANT_FLAGS, parseGrant } from '../support/role-grant-options.js';

export const userRoleAdd = command({
  spec: {
    name: 'user-role-add',
    summary: 'Add role to user.',
    example: 'keystone user-role-add --user glance --role admin --tenant services',
    options: GRANT_FLAGS,
    output: 'none',
  },
  parse: ({ flags }) => parseGrant(flags, 'user-role-add'),
  async run(options, deps) {
    const identity = await deps.identity();
    const { userId, roleId, tenantId } = await findGrant(identity, options);
    await identity.roles.grantOnProject(tenantId, userId, roleId);
  },
});

import { HttpError } from '../../../errors.js';
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
    // Keystone v3 grants idempotently; the v2.0 server refused a grant that was already there.
    const existing = await identity.roleAssignments.list({ userId, projectId: tenantId });
    if (existing.some((assignment) => assignment.role.id === roleId)) {
      throw new HttpError(
        409,
        'Conflict',
        `Conflict occurred attempting to store role grant. User ${userId} already has role ${roleId} in tenant ${tenantId}`,
        undefined,
        '',
      );
    }
    await identity.roles.grantOnProject(tenantId, userId, roleId);
  },
});

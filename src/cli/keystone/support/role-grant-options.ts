// The options user-role-add and user-role-remove share, with the classic spellings, and the lookup
// of what they name.
import type { IdentityApi } from '../../../api/identity/index.js';
import { UsageError } from '../../../errors.js';
import type { FlagValues } from '../../flags/flag.js';
import { required, withIdSpellings } from './flags.js';
import { findRole, findTenant, findUser } from './lookup.js';

export interface GrantOptions {
  user: string;
  role: string;
  tenant: string;
}

export const GRANT_FLAGS = {
  user: withIdSpellings('user', 'Name or ID of user.'),
  role: withIdSpellings('role', 'Name or ID of role.'),
  tenant: withIdSpellings('tenant', 'Name or ID of tenant.'),
};

export function parseGrant(flags: FlagValues<typeof GRANT_FLAGS>, command: string): GrantOptions {
  const user = required(flags.user, command, '--user/--user-id');
  const role = required(flags.role, command, '--role/--role-id');
  // v2.0 had (unimplemented) global roles; v3 grants roles on a project or a domain.
  if (flags.tenant === undefined) throw new UsageError(`keystone ${command}: error: --tenant is required: Keystone v3 grants roles on a tenant (project).`);
  return { user, role, tenant: flags.tenant };
}

/** The IDs of the user, role and tenant the options name (by name or ID), looked up in the classic order. */
export async function findGrant(identity: IdentityApi, options: GrantOptions): Promise<{ userId: string; roleId: string; tenantId: string }> {
  const user = await findUser(identity, options.user);
  const role = await findRole(identity, options.role);
  const tenant = await findTenant(identity, options.tenant);
  return { userId: user.id, roleId: role.id, tenantId: tenant.id };
}

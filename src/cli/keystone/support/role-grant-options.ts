// The options user-role-add and user-role-remove share, with the classic spellings, and the lookup
// of what they name.
import type { IdentityApi } from '../../../api/identity/index.js';
import type { OptionSpec, ParsedArgs } from '../../command.js';
import { UsageError } from '../../../errors.js';
import { idSpelling, required, withIdSpellings } from './flags.js';
import { findRole, findTenant, findUser } from './lookup.js';

export interface GrantOptions {
  user: string;
  role: string;
  tenant: string;
}

export const GRANT_OPTIONS: readonly OptionSpec[] = [
  ...withIdSpellings('user', 'Name or ID of user.'),
  ...withIdSpellings('role', 'Name or ID of role.'),
  ...withIdSpellings('tenant', 'Name or ID of tenant.'),
];

export function parseGrant(raw: ParsedArgs, command: string): GrantOptions {
  const user = required(idSpelling(raw.opts, 'user'), command, '--user/--user-id');
  const role = required(idSpelling(raw.opts, 'role'), command, '--role/--role-id');
  const tenant = idSpelling(raw.opts, 'tenant');
  // v2.0 had (unimplemented) global roles; v3 grants roles on a project or a domain.
  if (tenant === undefined) throw new UsageError(`keystone ${command}: error: --tenant is required: Keystone v3 grants roles on a tenant (project).`);
  return { user, role, tenant };
}

/** The IDs of the user, role and tenant the options name (by name or ID), looked up in the classic order. */
export async function findGrant(identity: IdentityApi, options: GrantOptions): Promise<{ userId: string; roleId: string; tenantId: string }> {
  const user = await findUser(identity, options.user);
  const role = await findRole(identity, options.role);
  const tenant = await findTenant(identity, options.tenant);
  return { userId: user.id, roleId: role.id, tenantId: tenant.id };
}

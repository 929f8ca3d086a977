// The options user-role-add and user-role-remove share, with the classic spellings.
import type { OptionSpec, ParsedArgs } from '../command.js';
import { UsageError } from '../../errors.js';
import { firstOf, required } from './flags.js';

export interface GrantOptions {
  user: string;
  role: string;
  tenant: string;
}

export const GRANT_OPTIONS: readonly OptionSpec[] = [
  { flags: '--user <user>', description: 'Name or ID of user.' },
  { flags: '--user-id <user>', description: 'Same as --user', hidden: true },
  { flags: '--user_id <user>', description: 'Same as --user', hidden: true },
  { flags: '--role <role>', description: 'Name or ID of role.' },
  { flags: '--role-id <role>', description: 'Same as --role', hidden: true },
  { flags: '--role_id <role>', description: 'Same as --role', hidden: true },
  { flags: '--tenant <tenant>', description: 'Name or ID of tenant.' },
  { flags: '--tenant-id <tenant>', description: 'Same as --tenant', hidden: true },
  { flags: '--tenant_id <tenant>', description: 'Same as --tenant', hidden: true },
];

export function parseGrant(raw: ParsedArgs, command: string): GrantOptions {
  const user = required(firstOf(raw.opts, 'user', 'userId', 'user_id'), command, '--user/--user-id');
  const role = required(firstOf(raw.opts, 'role', 'roleId', 'role_id'), command, '--role/--role-id');
  const tenant = firstOf(raw.opts, 'tenant', 'tenantId', 'tenant_id');
  // v2.0 had (unimplemented) global roles; v3 grants roles on a project or a domain.
  if (tenant === undefined) throw new UsageError(`keystone ${command}: error: --tenant is required: Keystone v3 grants roles on a tenant (project).`);
  return { user, role, tenant };
}

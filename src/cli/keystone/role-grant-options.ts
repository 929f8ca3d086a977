// The options user-role-add and user-role-remove share, with the classic spellings.
import type { OptionSpec, ParsedArgs } from '../command.js';
import { UsageError } from '../../errors.js';
import { idSpelling, required, withIdSpellings } from './flags.js';

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

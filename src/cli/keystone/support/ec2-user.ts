import type { OptionSpec, ParsedArgs } from '../../command.js';
import type { IdentityApi } from '../../../api/identity/index.js';
import { firstOf } from './flags.js';
import { authenticated } from './lookup.js';

export const USER_ID_OPTIONS: readonly OptionSpec[] = [
  { flags: '--user-id <user-id>', description: 'User ID.' },
  { flags: '--user_id <user-id>', description: 'Same as --user-id', hidden: true },
];

export const userIdFrom = (raw: ParsedArgs): string | undefined => firstOf(raw.opts, 'userId', 'user_id');

/** --user-id, else the authenticated user (the classic default). */
export async function ec2UserId(identity: IdentityApi, given: string | undefined): Promise<string> {
  return given ?? (await authenticated(identity, '--user-id')).userId;
}

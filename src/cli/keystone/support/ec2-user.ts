import type { IdentityApi } from '../../../api/identity/index.js';
import { text } from '../../flags/flag.js';
import { authenticated } from './lookup.js';

/** The ec2-credentials commands' `--user-id` (also `--user_id`, hidden). */
export const USER_ID_FLAGS = {
  userId: text('--user-id <user-id>', 'User ID.', { spellings: ['--user_id'] }),
};

/** --user-id, else the authenticated user (the classic default). */
export async function ec2UserId(identity: IdentityApi, given: string | undefined): Promise<string> {
  return given ?? (await authenticated(identity, '--user-id')).userId;
}

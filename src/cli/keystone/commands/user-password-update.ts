import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { findUser } from '../support/lookup.js';
import { promptNewPassword } from '../support/passwords.js';

export interface Options {
  user: string;
  password?: string;
}

export const userPasswordUpdate = command<Options>({
  spec: {
    name: 'user-password-update',
    summary: 'Update user password.',
    example: 'keystone user-password-update --pass <password> glance',
    args: [{ name: '<user>', description: 'Name or ID of user to update password.' }],
    options: [{ flags: '--pass <password>', description: 'Desired new password. Without it: asked for at the terminal.' }],
    output: 'none',
  },
  parse: (raw) => ({ user: raw.args[0] as string, password: raw.opts.pass as string | undefined }),
  async run(options: Options, deps: Deps) {
    const identity = await deps.identity();
    const user = await findUser(identity, options.user);
    const password = options.password ?? (await promptNewPassword(deps, 'Please specify password using the --pass option or using the prompt'));
    await identity.users.update(user.id, { password });
  },
});

import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { authenticated } from '../support/lookup.js';
import { promptNewPassword } from '../support/passwords.js';

export interface Options {
  current?: string;
  password?: string;
}

export const passwordUpdate = command<Options>({
  spec: {
    name: 'password-update',
    summary: 'Update own password.',
    example: 'keystone password-update',
    options: [
      { flags: '--current-password <current-password>', description: 'Current password, Defaults to the password as set by --os-password or env[OS_PASSWORD].' },
      { flags: '--new-password <new-password>', description: 'Desired new password.' },
    ],
    output: 'none',
  },
  parse: (raw) => ({ current: raw.opts.currentPassword as string | undefined, password: raw.opts.newPassword as string | undefined }),
  async run(options: Options, deps: Deps) {
    const identity = await deps.identity();
    const { userId } = await authenticated(identity, 'password credentials');
    const signedInWith = identity.session.credentials.password;
    let current = options.current ?? signedInWith;
    if (current === undefined) {
      if (!deps.tty.stdin) throw new CliError('No current password: give --current-password or set OS_PASSWORD.');
      current = await deps.promptSecret('Current Password: ');
    }
    const password = options.password ?? (await promptNewPassword(deps, 'No new password: give --new-password (there is no terminal to ask at).'));
    await identity.users.changePassword(userId, current, password);
    if (signedInWith !== password) deps.stdout.write('You should update the password you are using to authenticate to match your new password\n');
  },
});

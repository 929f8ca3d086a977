import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import { text } from '../../flags/flag.js';
import { authenticated } from '../support/lookup.js';
import { promptNewPassword } from '../support/passwords.js';

export const passwordUpdate = command({
  spec: {
    name: 'password-update',
    summary: 'Update own password.',
    example: 'keystone password-update',
    options: {
      current: text('--current-password <current-password>', 'Current password, Defaults to the password as set by --os-password or env[OS_PASSWORD].'),
      password: text('--new-password <new-password>', 'Desired new password.'),
    },
    output: 'none',
  },
  parse: ({ flags }) => ({ current: flags.current, password: flags.password }),
  async run(options, deps) {
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

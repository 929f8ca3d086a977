import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { text } from '../../flags/flag.js';
import { findUser } from '../support/lookup.js';
import { promptNewPassword } from '../support/passwords.js';

export const userPasswordUpdate = command({
  spec: {
    name: 'user-password-update',
    summary: 'Update user password.',
    example: 'keystone user-password-update --pass <password> glance',
    args: { user: requiredArg('<user>', 'Name or ID of user to update password.') },
    options: { password: text('--pass <password>', 'Desired new password. Without it: asked for at the terminal.') },
    output: 'none',
  },
  parse: ({ flags, args }) => ({ user: args.user, password: flags.password }),
  async run(options, deps) {
    const identity = await deps.identity();
    const user = await findUser(identity, options.user);
    const password = options.password ?? (await promptNewPassword(deps, 'Please specify password using the --pass option or using the prompt'));
    await identity.users.update(user.id, { password });
  },
});

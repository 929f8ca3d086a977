import type { UserUpdate } from '../../../api/identity/users.js';
import { CliError, HttpError } from '../../../errors.js';
import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { text } from '../../flags/flag.js';
import { enabledChange } from '../support/flags.js';
import { findUser } from '../support/lookup.js';

export const userUpdate = command({
  spec: {
    name: 'user-update',
    summary: "Update user's name, email, and enabled status.",
    example: 'keystone user-update --email glance@example.com glance',
    args: { user: requiredArg('<user>', 'Name or ID of user to update.') },
    options: {
      name: text('--name <user-name>', 'Desired new user name.'),
      email: text('--email <email>', 'Desired new email address.'),
      enabled: enabledChange('Enable or disable user.'),
    },
    output: 'none',
  },
  parse: ({ flags, args }) => {
    const changes: UserUpdate = {};
    if (flags.name) changes.name = flags.name;
    if (flags.email !== undefined) changes.email = flags.email;
    if (flags.enabled !== undefined) changes.enabled = flags.enabled;
    return { user: args.user, changes };
  },
  async run(options, deps) {
    if (Object.keys(options.changes).length === 0) {
      deps.stdout.write('User not updated, no arguments present.\n');
      return;
    }
    const identity = await deps.identity();
    const user = await findUser(identity, options.user);
    try {
      await identity.users.update(user.id, options.changes);
    } catch (err) {
      // The classic text, but as an error: stderr and exit 1 (the classic printed it and exited 0).
      if (err instanceof HttpError) throw new CliError(`Unable to update user: ${err.serverMessage} (HTTP ${err.status})`);
      throw err;
    }
    deps.stdout.write('User has been updated.\n');
  },
});

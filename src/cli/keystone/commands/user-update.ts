import type { UserUpdate } from '../../../api/identity/users.js';
import { CliError, HttpError } from '../../../errors.js';
import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { boolFromString } from '../support/flags.js';
import { findUser } from '../support/lookup.js';

export interface Options {
  user: string;
  changes: UserUpdate;
}

export const userUpdate = command<Options>({
  spec: {
    name: 'user-update',
    summary: "Update user's name, email, and enabled status.",
    example: 'keystone user-update --email glance@example.com glance',
    args: [{ name: '<user>', description: 'Name or ID of user to update.' }],
    options: [
      { flags: '--name <user-name>', description: 'Desired new user name.' },
      { flags: '--email <email>', description: 'Desired new email address.' },
      { flags: '--enabled <true|false>', description: 'Enable or disable user.' },
    ],
    output: 'none',
  },
  parse: (raw) => {
    const changes: UserUpdate = {};
    if (raw.opts.name) changes.name = raw.opts.name as string;
    if (raw.opts.email !== undefined) changes.email = raw.opts.email as string;
    if (raw.opts.enabled) changes.enabled = boolFromString(raw.opts.enabled as string);
    return { user: raw.args[0] as string, changes };
  },
  async run(options: Options, deps: Deps) {
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

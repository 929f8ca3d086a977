import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { findUser } from '../support/lookup.js';

export const userDelete = command({
  spec: {
    name: 'user-delete',
    summary: 'Delete user.',
    example: 'keystone user-delete glance',
    args: { user: requiredArg('<user>', 'Name or ID of user to delete.') },
    output: 'none',
  },
  parse: ({ args }) => ({ user: args.user }),
  async run(options, deps) {
    const identity = await deps.identity();
    await identity.users.delete((await findUser(identity, options.user)).id);
  },
});

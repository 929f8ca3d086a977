import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { findUser } from '../support/lookup.js';

export interface Options {
  user: string;
}

export const userDelete = command<Options>({
  spec: {
    name: 'user-delete',
    summary: 'Delete user.',
    example: 'keystone user-delete glance',
    args: [{ name: '<user>', description: 'Name or ID of user to delete.' }],
    output: 'none',
  },
  parse: (raw) => ({ user: raw.args[0] as string }),
  async run(options: Options, deps: Deps) {
    const identity = await deps.identity();
    await identity.users.delete((await findUser(identity, options.user)).id);
  },
});

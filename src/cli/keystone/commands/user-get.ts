import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { findUser } from '../support/lookup.js';
import { userRecord } from '../support/records.js';

export interface Options {
  user: string;
}

export const userGet = command<Options>({
  spec: {
    name: 'user-get',
    summary: 'Display user details.',
    example: 'keystone user-get glance',
    args: [{ name: '<user>', description: 'Name or ID of user to display.' }],
    output: 'record',
  },
  parse: (raw) => ({ user: raw.args[0] as string }),
  async run(options: Options, deps: Deps) {
    deps.print.record(userRecord(await findUser(await deps.identity(), options.user)));
  },
});

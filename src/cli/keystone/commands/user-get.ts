import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { findUser } from '../support/lookup.js';
import { userRecord } from '../support/records.js';

export const userGet = command({
  spec: {
    name: 'user-get',
    summary: 'Display user details.',
    example: 'keystone user-get glance',
    args: { user: requiredArg('<user>', 'Name or ID of user to display.') },
    output: 'record',
  },
  parse: ({ args }) => ({ user: args.user }),
  async run(options, deps) {
    deps.print.record(userRecord(await findUser(await deps.identity(), options.user)));
  },
});

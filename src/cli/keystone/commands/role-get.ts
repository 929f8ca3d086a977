import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { findRole } from '../support/lookup.js';
import { roleRecord } from '../support/records.js';

export const roleGet = command({
  spec: {
    name: 'role-get',
    summary: 'Display role details.',
    example: 'keystone role-get admin',
    args: { role: requiredArg('<role>', 'Name or ID of role to display.') },
    output: 'record',
  },
  parse: ({ args }) => ({ role: args.role }),
  async run(options, deps) {
    deps.print.record(roleRecord(await findRole(await deps.identity(), options.role)));
  },
});

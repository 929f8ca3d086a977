import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { findRole } from '../support/lookup.js';
import { roleRecord } from '../support/records.js';

export interface Options {
  role: string;
}

export const roleGet = command<Options>({
  spec: {
    name: 'role-get',
    summary: 'Display role details.',
    example: 'keystone role-get admin',
    args: [{ name: '<role>', description: 'Name or ID of role to display.' }],
    output: 'record',
  },
  parse: (raw) => ({ role: raw.args[0] as string }),
  async run(options: Options, deps: Deps) {
    deps.print.record(roleRecord(await findRole(await deps.identity(), options.role)));
  },
});

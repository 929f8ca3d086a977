import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { required } from '../support/flags.js';
import { roleRecord } from '../support/records.js';

export interface Options {
  name: string;
}

export const roleCreate = command<Options>({
  spec: {
    name: 'role-create',
    summary: 'Create new role.',
    example: 'keystone role-create --name Member',
    options: [{ flags: '--name <role-name>', description: 'Name of new role.' }],
    output: 'record',
  },
  parse: (raw) => ({ name: required(raw.opts.name as string | undefined, 'role-create', '--name') }),
  async run(options: Options, deps: Deps) {
    deps.print.record(roleRecord(await (await deps.identity()).roles.create({ name: options.name })));
  },
});

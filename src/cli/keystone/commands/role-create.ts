import { command } from '../../command.js';
import { text } from '../../flags/flag.js';
import { required } from '../support/flags.js';
import { roleRecord } from '../support/records.js';

export const roleCreate = command({
  spec: {
    name: 'role-create',
    summary: 'Create new role.',
    example: 'keystone role-create --name Member',
    options: { name: text('--name <role-name>', 'Name of new role.') },
    output: 'record',
  },
  parse: ({ flags }) => ({ name: required(flags.name, 'role-create', '--name') }),
  async run(options, deps) {
    deps.print.record(roleRecord(await (await deps.identity()).roles.create({ name: options.name })));
  },
});

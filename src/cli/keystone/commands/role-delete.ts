import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { findRole } from '../support/lookup.js';

export const roleDelete = command({
  spec: {
    name: 'role-delete',
    summary: 'Delete role.',
    example: 'keystone role-delete Member',
    args: { role: requiredArg('<role>', 'Name or ID of role to delete.') },
    output: 'none',
  },
  parse: ({ args }) => ({ role: args.role }),
  async run(options, deps) {
    const identity = await deps.identity();
    await identity.roles.delete((await findRole(identity, options.role)).id);
  },
});

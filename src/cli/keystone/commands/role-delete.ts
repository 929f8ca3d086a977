import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { findRole } from '../support/lookup.js';

export interface Options {
  role: string;
}

export const roleDelete = command<Options>({
  spec: {
    name: 'role-delete',
    summary: 'Delete role.',
    example: 'keystone role-delete Member',
    args: [{ name: '<role>', description: 'Name or ID of role to delete.' }],
    output: 'none',
  },
  parse: (raw) => ({ role: raw.args[0] as string }),
  async run(options: Options, deps: Deps) {
    const identity = await deps.identity();
    await identity.roles.delete((await findRole(identity, options.role)).id);
  },
});

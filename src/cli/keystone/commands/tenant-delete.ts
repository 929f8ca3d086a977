import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { findTenant } from '../support/lookup.js';

export interface Options {
  tenant: string;
}

export const tenantDelete = command<Options>({
  spec: {
    name: 'tenant-delete',
    summary: 'Delete tenant.',
    example: 'keystone tenant-delete services',
    args: [{ name: '<tenant>', description: 'Name or ID of tenant to delete.' }],
    output: 'none',
  },
  parse: (raw) => ({ tenant: raw.args[0] as string }),
  async run(options: Options, deps: Deps) {
    const identity = await deps.identity();
    const project = await findTenant(identity, options.tenant);
    await identity.projects.delete(project.id);
  },
});

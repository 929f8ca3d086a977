import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { findTenant } from '../support/lookup.js';

export const tenantDelete = command({
  spec: {
    name: 'tenant-delete',
    summary: 'Delete tenant.',
    example: 'keystone tenant-delete services',
    args: { tenant: requiredArg('<tenant>', 'Name or ID of tenant to delete.') },
    output: 'none',
  },
  parse: ({ args }) => ({ tenant: args.tenant }),
  async run(options, deps) {
    const identity = await deps.identity();
    const project = await findTenant(identity, options.tenant);
    await identity.projects.delete(project.id);
  },
});

import type { ProjectCreate } from '../../../api/identity/projects.js';
import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { text } from '../../flags/flag.js';
import { enabledChange } from '../support/flags.js';
import { findTenant } from '../support/lookup.js';

export const tenantUpdate = command({
  spec: {
    name: 'tenant-update',
    summary: 'Update tenant name, description, enabled status.',
    example: 'keystone tenant-update --description "Service tenant" services',
    args: { tenant: requiredArg('<tenant>', 'Name or ID of tenant to update.') },
    options: {
      name: text('--name <tenant_name>', 'Desired new name of tenant.'),
      description: text('--description <tenant-description>', 'Desired new description of tenant.'),
      enabled: enabledChange('Enable or disable tenant.'),
    },
    output: 'none',
  },
  parse: ({ flags, args }) => {
    const changes: Partial<ProjectCreate> = {};
    if (flags.name) changes.name = flags.name;
    if (flags.description !== undefined) changes.description = flags.description;
    if (flags.enabled !== undefined) changes.enabled = flags.enabled;
    return { tenant: args.tenant, changes };
  },
  async run(options, deps) {
    const identity = await deps.identity();
    const project = await findTenant(identity, options.tenant);
    if (Object.keys(options.changes).length === 0) {
      deps.stdout.write('Tenant not updated, no arguments present.\n');
      return;
    }
    await identity.projects.update(project.id, options.changes);
  },
});

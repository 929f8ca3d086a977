import type { ProjectCreate } from '../../../api/identity/projects.js';
import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { boolFromString } from '../support/flags.js';
import { findTenant } from '../support/lookup.js';

export interface Options {
  tenant: string;
  changes: Partial<ProjectCreate>;
}

export const tenantUpdate = command<Options>({
  spec: {
    name: 'tenant-update',
    summary: 'Update tenant name, description, enabled status.',
    example: 'keystone tenant-update --description "Service tenant" services',
    args: [{ name: '<tenant>', description: 'Name or ID of tenant to update.' }],
    options: [
      { flags: '--name <tenant_name>', description: 'Desired new name of tenant.' },
      { flags: '--description <tenant-description>', description: 'Desired new description of tenant.' },
      { flags: '--enabled <true|false>', description: 'Enable or disable tenant.' },
    ],
    output: 'none',
  },
  parse: (raw) => {
    const changes: Partial<ProjectCreate> = {};
    if (raw.opts.name) changes.name = raw.opts.name as string;
    if (raw.opts.description !== undefined) changes.description = raw.opts.description as string;
    if (raw.opts.enabled) changes.enabled = boolFromString(raw.opts.enabled as string);
    return { tenant: raw.args[0] as string, changes };
  },
  async run(options: Options, deps: Deps) {
    const identity = await deps.identity();
    const project = await findTenant(identity, options.tenant);
    if (Object.keys(options.changes).length === 0) {
      deps.stdout.write('Tenant not updated, no arguments present.\n');
      return;
    }
    await identity.projects.update(project.id, options.changes);
  },
});

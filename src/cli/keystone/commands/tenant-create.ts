import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { boolFromString, required } from '../support/flags.js';
import { tenantDomainId } from '../support/lookup.js';
import { tenantRecord } from '../support/records.js';

export interface Options {
  name: string;
  description?: string;
  enabled: boolean;
}

export const tenantCreate = command<Options>({
  spec: {
    name: 'tenant-create',
    summary: 'Create new tenant.',
    example: 'keystone tenant-create --name services',
    options: [
      { flags: '--name <tenant-name>', description: 'New tenant name (must be unique).' },
      { flags: '--description <tenant-description>', description: 'Description of new tenant. Default is none.' },
      { flags: '--enabled <true|false>', description: 'Initial tenant enabled status. Default is true.', default: 'true' },
    ],
    output: 'record',
  },
  parse: (raw) => ({
    name: required(raw.opts.name as string | undefined, 'tenant-create', '--name'),
    description: raw.opts.description as string | undefined,
    enabled: boolFromString(raw.opts.enabled as string),
  }),
  async run(options: Options, deps: Deps) {
    const identity = await deps.identity();
    const project = await identity.projects.create({
      name: options.name,
      description: options.description,
      enabled: options.enabled,
      domain_id: await tenantDomainId(identity),
    });
    deps.print.record(tenantRecord(project));
  },
});

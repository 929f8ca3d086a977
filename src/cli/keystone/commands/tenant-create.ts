import { command } from '../../command.js';
import { looseBooleanFlag, text, withDefault } from '../../flags/flag.js';
import { required } from '../support/flags.js';
import { tenantDomainId } from '../support/lookup.js';
import { tenantRecord } from '../support/records.js';

export const tenantCreate = command({
  spec: {
    name: 'tenant-create',
    summary: 'Create new tenant.',
    example: 'keystone tenant-create --name services',
    options: {
      name: text('--name <tenant-name>', 'New tenant name (must be unique).'),
      description: text('--description <tenant-description>', 'Description of new tenant. Default is none.'),
      enabled: withDefault(looseBooleanFlag('--enabled <true|false>', 'Initial tenant enabled status. Default is true.', { default: 'true' }), true),
    },
    output: 'record',
  },
  parse: ({ flags }) => ({
    name: required(flags.name, 'tenant-create', '--name'),
    description: flags.description,
    enabled: flags.enabled,
  }),
  async run(options, deps) {
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

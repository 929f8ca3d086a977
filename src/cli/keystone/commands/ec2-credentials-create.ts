import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import { text } from '../../flags/flag.js';
import { authenticated } from '../support/lookup.js';
import { ec2Record } from '../support/records.js';

export const ec2CredentialsCreate = command({
  spec: {
    name: 'ec2-credentials-create',
    summary: 'Create EC2-compatible credentials for user per tenant.',
    example: 'keystone ec2-credentials-create',
    options: {
      userId: text('--user-id <user-id>', 'User ID for which to create credentials. If not specified, the authenticated user will be used.', {
        spellings: ['--user_id'],
      }),
      tenantId: text('--tenant-id <tenant-id>', 'Tenant ID for which to create credentials. If not specified, the authenticated tenant ID will be used.', {
        spellings: ['--tenant_id'],
      }),
    },
    output: 'record',
  },
  parse: ({ flags }) => ({ userId: flags.userId, tenantId: flags.tenantId }),
  async run(options, deps) {
    const identity = await deps.identity();
    const self = options.userId && options.tenantId ? undefined : await authenticated(identity, '--user-id and --tenant-id');
    const tenantId = options.tenantId ?? self!.projectId;
    if (!tenantId) throw new CliError('The token is not scoped to a tenant: give --tenant-id.');
    deps.print.record(ec2Record(await identity.ec2Credentials.create(options.userId ?? self!.userId, tenantId)));
  },
});

import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { firstOf } from '../support/flags.js';
import { authenticated } from '../support/lookup.js';
import { ec2Record } from '../support/records.js';

export interface Options {
  userId?: string;
  tenantId?: string;
}

export const ec2CredentialsCreate = command<Options>({
  spec: {
    name: 'ec2-credentials-create',
    summary: 'Create EC2-compatible credentials for user per tenant.',
    example: 'keystone ec2-credentials-create',
    options: [
      { flags: '--user-id <user-id>', description: 'User ID for which to create credentials. If not specified, the authenticated user will be used.' },
      { flags: '--user_id <user-id>', description: 'Same as --user-id', hidden: true },
      { flags: '--tenant-id <tenant-id>', description: 'Tenant ID for which to create credentials. If not specified, the authenticated tenant ID will be used.' },
      { flags: '--tenant_id <tenant-id>', description: 'Same as --tenant-id', hidden: true },
    ],
    output: 'record',
  },
  parse: (raw) => ({ userId: firstOf(raw.opts, 'userId', 'user_id'), tenantId: firstOf(raw.opts, 'tenantId', 'tenant_id') }),
  async run(options: Options, deps: Deps) {
    const identity = await deps.identity();
    const self = options.userId && options.tenantId ? undefined : await authenticated(identity, '--user-id and --tenant-id');
    const tenantId = options.tenantId ?? self!.projectId;
    if (!tenantId) throw new CliError('The token is not scoped to a tenant: give --tenant-id.');
    deps.print.record(ec2Record(await identity.ec2Credentials.create(options.userId ?? self!.userId, tenantId)));
  },
});

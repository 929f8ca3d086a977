import { command } from '../../command.js';
import { text } from '../../flags/flag.js';
import { ec2UserId, USER_ID_FLAGS } from '../support/ec2-user.js';
import { required } from '../support/flags.js';
import { ec2Record } from '../support/records.js';

export const ec2CredentialsGet = command({
  spec: {
    name: 'ec2-credentials-get',
    summary: 'Display EC2-compatible credentials.',
    example: 'keystone ec2-credentials-get --access <access-key>',
    options: { ...USER_ID_FLAGS, access: text('--access <access-key>', 'Access Key.') },
    output: 'record',
  },
  parse: ({ flags }) => ({ userId: flags.userId, access: required(flags.access, 'ec2-credentials-get', '--access') }),
  async run(options, deps) {
    const identity = await deps.identity();
    const credential = await identity.ec2Credentials.get(await ec2UserId(identity, options.userId), options.access);
    deps.print.record(ec2Record(credential));
  },
});

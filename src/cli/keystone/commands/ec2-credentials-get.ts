import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { required } from '../support/flags.js';
import { ec2UserId, USER_ID_OPTIONS, userIdFrom } from '../support/ec2-user.js';
import { ec2Record } from '../support/records.js';

export interface Options {
  userId?: string;
  access: string;
}

export const ec2CredentialsGet = command<Options>({
  spec: {
    name: 'ec2-credentials-get',
    summary: 'Display EC2-compatible credentials.',
    example: 'keystone ec2-credentials-get --access <access-key>',
    options: [...USER_ID_OPTIONS, { flags: '--access <access-key>', description: 'Access Key.' }],
    output: 'record',
  },
  parse: (raw) => ({ userId: userIdFrom(raw), access: required(raw.opts.access as string | undefined, 'ec2-credentials-get', '--access') }),
  async run(options: Options, deps: Deps) {
    const identity = await deps.identity();
    const credential = await identity.ec2Credentials.get(await ec2UserId(identity, options.userId), options.access);
    deps.print.record(ec2Record(credential));
  },
});

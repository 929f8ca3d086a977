import { CliError, HttpError } from '../../../errors.js';
import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { required } from '../support/flags.js';
import { ec2UserId, USER_ID_OPTIONS, userIdFrom } from '../support/ec2-user.js';

export interface Options {
  userId?: string;
  access: string;
}

export const ec2CredentialsDelete = command<Options>({
  spec: {
    name: 'ec2-credentials-delete',
    summary: 'Delete EC2-compatible credentials.',
    example: 'keystone ec2-credentials-delete --access <access-key>',
    options: [...USER_ID_OPTIONS, { flags: '--access <access-key>', description: 'Access Key.' }],
    output: 'none',
  },
  parse: (raw) => ({ userId: userIdFrom(raw), access: required(raw.opts.access as string | undefined, 'ec2-credentials-delete', '--access') }),
  async run(options: Options, deps: Deps) {
    const identity = await deps.identity();
    try {
      await identity.ec2Credentials.delete(await ec2UserId(identity, options.userId), options.access);
    } catch (err) {
      // The classic text, as an error (stderr, exit 1) where the classic printed it and exited 0.
      if (err instanceof HttpError) throw new CliError(`Unable to delete credential: ${err.serverMessage} (HTTP ${err.status})`);
      throw err;
    }
    deps.stdout.write('Credential has been deleted.\n');
  },
});

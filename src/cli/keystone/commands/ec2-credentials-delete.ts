import { CliError, HttpError } from '../../../errors.js';
import { command } from '../../command.js';
import { text } from '../../flags/flag.js';
import { ec2UserId, USER_ID_FLAGS } from '../support/ec2-user.js';
import { required } from '../support/flags.js';

export const ec2CredentialsDelete = command({
  spec: {
    name: 'ec2-credentials-delete',
    summary: 'Delete EC2-compatible credentials.',
    example: 'keystone ec2-credentials-delete --access <access-key>',
    options: { ...USER_ID_FLAGS, access: text('--access <access-key>', 'Access Key.') },
    output: 'none',
  },
  parse: ({ flags }) => ({ userId: flags.userId, access: required(flags.access, 'ec2-credentials-delete', '--access') }),
  async run(options, deps) {
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

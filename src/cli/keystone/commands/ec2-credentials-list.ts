import { command } from '../../command.js';
import { ec2UserId, USER_ID_FLAGS } from '../support/ec2-user.js';
import { sortRows } from '../support/records.js';

export const ec2CredentialsList = command({
  spec: {
    name: 'ec2-credentials-list',
    summary: 'List EC2-compatible credentials for a user.',
    example: 'keystone ec2-credentials-list',
    options: USER_ID_FLAGS,
    output: 'list',
  },
  parse: ({ flags }) => ({ userId: flags.userId }),
  async run(options, deps) {
    const identity = await deps.identity();
    const credentials = await identity.ec2Credentials.list(await ec2UserId(identity, options.userId));
    const names = new Map<string, string>();
    for (const id of new Set(credentials.map((c) => c.tenant_id))) {
      // As the classic did: the tenant's name, or its id when it cannot be read.
      names.set(
        id,
        await identity.projects.get(id).then(
          (p) => p.name,
          () => id,
        ),
      );
    }
    const rows = credentials.map((c) => [names.get(c.tenant_id) ?? c.tenant_id, c.access, c.secret]);
    deps.print.list({ columns: ['tenant', 'access', 'secret'], rows: sortRows(rows, 0) });
  },
});

import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { required } from '../support/flags.js';
import { tenantDomainId } from '../support/lookup.js';

export interface Options {
  user: string;
  password: string;
  role: string;
  tenant: string;
}

export const bootstrap = command<Options>({
  spec: {
    name: 'bootstrap',
    summary: 'Grants a new role to a new user on a new tenant, after creating each.',
    example: 'keystone bootstrap --pass <password>',
    options: [
      { flags: '--user-name <user-name>', description: 'The name of the user to be created (default="admin").', default: 'admin' },
      { flags: '--pass <password>', description: 'The password for the new user.' },
      { flags: '--role-name <role-name>', description: 'The name of the role to be created and granted to the user (default="admin").', default: 'admin' },
      { flags: '--tenant-name <tenant-name>', description: 'The name of the tenant to be created (default="admin").', default: 'admin' },
    ],
    output: 'none',
  },
  parse: (raw) => ({
    user: raw.opts.userName as string,
    password: required(raw.opts.pass as string | undefined, 'bootstrap', '--pass'),
    role: raw.opts.roleName as string,
    tenant: raw.opts.tenantName as string,
  }),
  async run(options: Options, deps: Deps) {
    const identity = await deps.identity();
    const domainId = await tenantDomainId(identity);
    // Check first, so a clash changes nothing. Today's Keystone always has an `admin` role
    // (keystone-manage bootstrap makes it): an existing role is granted, not created again.
    const [[tenant], [user], [role]] = await Promise.all([
      identity.projects.list({ name: options.tenant, domain_id: domainId }),
      identity.users.list({ name: options.user, domain_id: domainId }),
      identity.roles.list({ name: options.role }),
    ]);
    if (tenant) throw new CliError(`A tenant named '${options.tenant}' already exists: choose another --tenant-name.`);
    if (user) throw new CliError(`A user named '${options.user}' already exists: choose another --user-name.`);
    const project = await identity.projects.create({ name: options.tenant, domain_id: domainId, enabled: true });
    const granted = role ?? (await identity.roles.create({ name: options.role }));
    const created = await identity.users.create({ name: options.user, password: options.password, domain_id: domainId, enabled: true });
    await identity.roles.grantOnProject(project.id, created.id, granted.id);
    // Verify, as the classic did: the new user gets a token on the new tenant.
    await identity.tokens.verifyPassword({ userName: options.user, password: options.password, projectName: options.tenant, domainId });
  },
});

import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import { text } from '../../flags/flag.js';
import { required } from '../support/flags.js';
import { tenantDomainId } from '../support/lookup.js';

export const bootstrap = command({
  spec: {
    name: 'bootstrap',
    summary: 'Grants a new role to a new user on a new tenant, after creating each.',
    example: 'keystone bootstrap --pass <password>',
    options: {
      // The defaults are in the descriptions, as keystoneclient wrote them (commander would add a second one).
      user: text('--user-name <user-name>', 'The name of the user to be created (default="admin").'),
      pass: text('--pass <password>', 'The password for the new user.'),
      role: text('--role-name <role-name>', 'The name of the role to be created and granted to the user (default="admin").'),
      tenant: text('--tenant-name <tenant-name>', 'The name of the tenant to be created (default="admin").'),
    },
    output: 'none',
  },
  parse: ({ flags }) => ({
    user: flags.user ?? 'admin',
    password: required(flags.pass, 'bootstrap', '--pass'),
    role: flags.role ?? 'admin',
    tenant: flags.tenant ?? 'admin',
  }),
  async run(options, deps) {
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

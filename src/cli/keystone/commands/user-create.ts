import { command } from '../../command.js';
import { looseBooleanFlag, text, withDefault } from '../../flags/flag.js';
import { optionalValue, required, withIdSpellings } from '../support/flags.js';
import { findTenant, tenantDomainId } from '../support/lookup.js';
import { promptNewPassword } from '../support/passwords.js';
import { userRecord } from '../support/records.js';

export const userCreate = command({
  spec: {
    name: 'user-create',
    summary: 'Create new user.',
    example: 'keystone user-create --name glance --pass <password>',
    options: {
      name: text('--name <user-name>', 'New user name (must be unique).'),
      tenant: withIdSpellings('tenant', 'New user default tenant.'),
      password: optionalValue('--pass [pass]', 'New user password; required for some auth backends. Without a value: asked for at the terminal.'),
      email: text('--email <email>', 'New user email address.'),
      enabled: withDefault(looseBooleanFlag('--enabled <true|false>', 'Initial user enabled status. Default is true.', { default: 'true' }), true),
    },
    output: 'record',
  },
  parse: ({ flags }) => ({
    name: required(flags.name, 'user-create', '--name'),
    tenant: flags.tenant,
    password: flags.password,
    email: flags.email,
    enabled: flags.enabled,
  }),
  async run(options, deps) {
    const password =
      options.password === 'ask'
        ? await promptNewPassword(deps, '--pass without a value asks for the password at a terminal, and there is none: give it as --pass PASSWORD.')
        : options.password?.value;
    const identity = await deps.identity();
    const tenant = options.tenant ? await findTenant(identity, options.tenant) : undefined;
    const user = await identity.users.create({
      name: options.name,
      domain_id: await tenantDomainId(identity),
      password,
      email: options.email,
      enabled: options.enabled,
      default_project_id: tenant?.id,
    });
    // The v2.0 server made a user created with a tenant a member of it (member_role_name), so
    // `user-list --tenant T` lists them: today's role for that is `member` (older clouds: `_member_`).
    if (tenant) {
      const [member] = [...(await identity.roles.list({ name: 'member' })), ...(await identity.roles.list({ name: '_member_' }))];
      if (member) await identity.roles.grantOnProject(tenant.id, user.id, member.id);
    }
    deps.print.record(userRecord(user));
  },
});

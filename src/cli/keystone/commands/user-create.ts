import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { boolFromString, idSpelling, required, withIdSpellings } from '../support/flags.js';
import { findTenant, tenantDomainId } from '../support/lookup.js';
import { promptNewPassword } from '../support/passwords.js';
import { userRecord } from '../support/records.js';

export interface Options {
  name: string;
  tenant?: string;
  /** A password, `ask` (--pass without a value: prompt), or none. */
  password: { value: string } | 'ask' | undefined;
  email?: string;
  enabled: boolean;
}

export const userCreate = command<Options>({
  spec: {
    name: 'user-create',
    summary: 'Create new user.',
    example: 'keystone user-create --name glance --pass <password>',
    options: [
      { flags: '--name <user-name>', description: 'New user name (must be unique).' },
      ...withIdSpellings('tenant', 'New user default tenant.'),
      { flags: '--pass [pass]', description: 'New user password; required for some auth backends. Without a value: asked for at the terminal.' },
      { flags: '--email <email>', description: 'New user email address.' },
      { flags: '--enabled <true|false>', description: 'Initial user enabled status. Default is true.', default: 'true' },
    ],
    output: 'record',
  },
  parse: (raw) => {
    const pass = raw.opts.pass as string | true | undefined;
    return {
      name: required(raw.opts.name as string | undefined, 'user-create', '--name'),
      tenant: idSpelling(raw.opts, 'tenant'),
      password: pass === true ? 'ask' : pass === undefined ? undefined : { value: pass },
      email: raw.opts.email as string | undefined,
      enabled: boolFromString(raw.opts.enabled as string),
    };
  },
  async run(options: Options, deps: Deps) {
    const password = options.password === 'ask'
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
    deps.print.record(userRecord(user));
  },
});

// Merges every place credentials live into one Credentials value.
// Precedence, highest first: --os-* flags > --os-rc file > OS_* environment > clouds.yaml.
import { CliError } from '../errors.js';
import { withoutUserinfo } from '../http/redact.js';
import { parseBoolean } from './boolean.js';
import { ENV_NAMES, type AuthType, type Credentials, type Interface, type RawSettings } from './credentials.js';

export interface CredentialSources {
  flags: RawSettings;
  env: NodeJS.ProcessEnv;
  rcPath?: string;
  /** The clouds.yaml entry to use (--os-cloud / OS_CLOUD); lowest precedence. */
  cloudName?: string;
  /** Where `./clouds.yaml` is looked for; the process's working directory by default. */
  cwd?: string;
  /** Asks for the password when none is configured and a terminal is there to ask. */
  promptPassword?: () => Promise<string | undefined>;
  /** Receives advice that does not stop the command (printed to stderr). */
  warn?: (message: string) => void;
}

export async function resolveCredentials(sources: CredentialSources): Promise<Credentials> {
  // Imported only when a cloud is named: it brings the YAML parser, a quarter of the bundle.
  const cloud = sources.cloudName ? (await import('./clouds.js')).loadCloud(sources.cloudName, { env: sources.env, cwd: sources.cwd ?? process.cwd() }) : {};
  let env = sources.env;
  let rcSettings: RawSettings = {};
  let rcPrompts = false;
  if (sources.rcPath) {
    // Imported only for --os-rc: with the credentials in the environment, a command never reads one.
    const rc = (await import('./rcfile.js')).readRcFile(sources.rcPath, sources.env);
    // What `source FILE` leaves: every name the file sets or unsets replaces the shell's, so an
    // OS_TENANT_NAME in the file beats an OS_PROJECT_NAME in the environment.
    env = withoutNames(sources.env, Object.keys(rc.vars));
    rcSettings = fromEnv(rc.vars);
    rcPrompts = rc.promptsForPassword;
  }
  const merged: RawSettings = { ...cloud, ...fromEnv(env), ...rcSettings, ...stripUndefined(sources.flags) };
  const creds = normalise(merged);
  const canPrompt = creds.authType === 'password' && creds.password === undefined && sources.promptPassword !== undefined;
  // Everything else is checked first, so nobody types a password only to learn the URL is missing.
  validate(creds, rcPrompts, canPrompt);
  if (canPrompt) {
    creds.password = await sources.promptPassword!();
    validate(creds, rcPrompts, false);
  }
  if (creds.authType === 'admin_token' && (creds.username || creds.userId || creds.password)) {
    sources.warn?.('WARNING: Bypassing authentication using a token & endpoint (authentication credentials are being ignored).');
  }
  return creds;
}

function withoutNames(env: NodeJS.ProcessEnv, names: readonly string[]): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const name of names) delete out[name];
  return out;
}

export function fromEnv(env: NodeJS.ProcessEnv): RawSettings {
  const out: RawSettings = {};
  for (const [field, names] of ENV_NAMES) {
    for (const name of names) {
      const value = env[name];
      if (value !== undefined && value !== '') {
        out[field] = value;
        break;
      }
    }
  }
  return out;
}

function stripUndefined(raw: RawSettings): RawSettings {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as RawSettings;
}

const INTERFACES: Record<string, Interface> = {
  public: 'public',
  publicurl: 'public',
  internal: 'internal',
  internalurl: 'internal',
  admin: 'admin',
  adminurl: 'admin',
};

const AUTH_TYPES: Record<string, AuthType> = {
  password: 'password',
  v3password: 'password',
  v2password: 'password',
  token: 'token',
  v3token: 'token',
  v2token: 'token',
  v3applicationcredential: 'v3applicationcredential',
  applicationcredential: 'v3applicationcredential',
  v3_application_credential: 'v3applicationcredential',
  admin_token: 'admin_token',
  token_endpoint: 'admin_token',
  admin_token_endpoint: 'admin_token',
  none: 'admin_token',
};

export function settingBoolean(value: string | boolean | number | undefined, name: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  const parsed = parseBoolean(String(value));
  if (parsed === undefined) throw new CliError(`${name} must be true or false, not '${value}'.`);
  return parsed;
}

function str(value: string | boolean | number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

/**
 * A configured URL without userinfo (`http://admin:pw@host/`): requests never send it (only the
 * origin reaches the wire), and taking it out here keeps it out of every message and --debug trace.
 */
function url(value: string | boolean | number | undefined): string | undefined {
  return value === undefined ? undefined : withoutUserinfo(String(value));
}

function normalise(raw: RawSettings): Credentials {
  const interfaceText = str(raw.interface)?.toLowerCase() ?? 'public';
  const iface = INTERFACES[interfaceText];
  if (!iface) throw new CliError(`Unknown interface '${raw.interface}': use public, internal or admin (OS_INTERFACE / --os-interface).`);
  const timeout = raw.timeoutSeconds === undefined ? 600 : Number(raw.timeoutSeconds);
  if (!Number.isFinite(timeout) || timeout <= 0) throw new CliError(`--timeout must be a positive number of seconds, not '${raw.timeoutSeconds}'.`);
  const creds: Credentials = {
    authType: 'password',
    authUrl: url(raw.authUrl),
    username: str(raw.username),
    userId: str(raw.userId),
    password: str(raw.password),
    userDomainName: str(raw.userDomainName),
    userDomainId: str(raw.userDomainId),
    projectName: str(raw.projectName),
    projectId: str(raw.projectId),
    projectDomainName: str(raw.projectDomainName),
    projectDomainId: str(raw.projectDomainId),
    defaultDomain: str(raw.defaultDomain),
    token: str(raw.token),
    endpoint: url(raw.endpoint),
    applicationCredentialId: str(raw.applicationCredentialId),
    applicationCredentialName: str(raw.applicationCredentialName),
    applicationCredentialSecret: str(raw.applicationCredentialSecret),
    regionName: str(raw.regionName),
    interface: iface,
    imageUrl: url(raw.imageUrl),
    cacert: str(raw.cacert),
    cert: str(raw.cert),
    key: str(raw.key),
    insecure: settingBoolean(raw.insecure, 'OS_INSECURE / --insecure') ?? false,
    timeoutSeconds: timeout,
    cache: settingBoolean(raw.cache, 'OS_CACHE / --no-cache') ?? true,
    forceNewToken: settingBoolean(raw.forceNewToken, '--force-new-token') ?? false,
  };
  creds.authType = inferAuthType(raw, creds);
  return creds;
}

function inferAuthType(raw: RawSettings, c: Credentials): AuthType {
  const given = str(raw.authType)
    ?.toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (given) {
    const known = AUTH_TYPES[given];
    if (!known)
      throw new CliError(`Unknown auth type '${raw.authType}': use password, token, v3applicationcredential or admin_token (OS_AUTH_TYPE / --os-auth-type).`);
    return known;
  }
  if ((c.applicationCredentialId || c.applicationCredentialName) && c.applicationCredentialSecret) return 'v3applicationcredential';
  // A token with an endpoint skips Keystone, as `keystone` (OS_SERVICE_TOKEN + OS_SERVICE_ENDPOINT),
  // openstack (OS_TOKEN + OS_URL) and glance (--os-auth-token + --os-image-url) did.
  if (c.endpoint || (c.token && c.imageUrl)) return 'admin_token';
  if (c.token && c.password === undefined) return 'token';
  return 'password';
}

function validate(c: Credentials, rcPrompts: boolean, passwordToCome: boolean): void {
  for (const [value, name] of [
    [c.authUrl, 'OS_AUTH_URL / --os-auth-url'],
    [c.endpoint, 'OS_SERVICE_ENDPOINT / OS_URL / --os-endpoint'],
    [c.imageUrl, 'OS_IMAGE_URL / --os-image-url'],
  ] as const) {
    if (value !== undefined && !/^https?:\/\/[^/]/i.test(value)) throw new CliError(`${name} must be an http:// or https:// URL, not '${value}'.`);
  }
  const missing: string[] = [];
  if (c.authType === 'admin_token') {
    if (!c.token) {
      throw new CliError(
        'Expecting a token provided via either --os-token or env[OS_SERVICE_TOKEN]: an endpoint (OS_SERVICE_ENDPOINT / OS_URL) selects token mode; unset it to log in with a password.',
      );
    }
    if (!c.endpoint && !c.imageUrl) throw new CliError('Expecting an endpoint provided via either --os-endpoint or env[OS_SERVICE_ENDPOINT].');
  } else {
    if (!c.authUrl) missing.push('an auth URL (OS_AUTH_URL or --os-auth-url)');
    if (c.authType === 'password') {
      if (!c.username && !c.userId) missing.push('a user name (OS_USERNAME or --os-username)');
      if (c.password === undefined && !passwordToCome) {
        missing.push(
          rcPrompts
            ? 'a password (the rc file reads it at a terminal and there is none: pass --os-password or set OS_PASSWORD)'
            : 'a password (OS_PASSWORD or --os-password)',
        );
      }
    } else if (c.authType === 'token') {
      if (!c.token) missing.push('a token (OS_TOKEN or --os-token)');
    } else if (c.authType === 'v3applicationcredential') {
      if (!c.applicationCredentialSecret) missing.push('an application credential secret (OS_APPLICATION_CREDENTIAL_SECRET)');
      if (!c.applicationCredentialId && !c.applicationCredentialName) missing.push('an application credential id or name (OS_APPLICATION_CREDENTIAL_ID)');
    }
  }
  if (missing.length > 0) {
    throw new CliError(`Missing credentials: ${missing.join('; ')}. Source your keystonerc, pass --os-rc FILE, or use --os-cloud.`);
  }
}

// Options that come before the command, for both dialects (argparse's global options).
import type { Credentials, RawSettings } from '../config/credentials.js';
import { CliError } from '../errors.js';
import { type Flag, type FlagSet, type FlagValues, longName, presence, seconds, text } from './flags/flag.js';

export interface GlobalOptions {
  debug: boolean;
  verbose: boolean;
  /** Glance output dialect: 1 = the runbook's (default), 2 = python-glanceclient 4.x. */
  imageApiVersion: 1 | 2;
  rcPath?: string;
  cloud?: string;
  credentialFlags: RawSettings;
}

/** Flag → Credentials field. Several spellings map to one field, as in the classic clients. */
const CREDENTIAL_FLAGS: ReadonlyArray<readonly [string, keyof Credentials, string]> = [
  ['--os-auth-url <URL>', 'authUrl', 'Identity endpoint (env OS_AUTH_URL); /v2.0 URLs are discovered to v3'],
  ['--os-auth-type <TYPE>', 'authType', 'password, token, v3applicationcredential or admin_token (env OS_AUTH_TYPE)'],
  ['--os-username <NAME>', 'username', 'User name (env OS_USERNAME)'],
  ['--os-user-id <ID>', 'userId', 'User id (env OS_USER_ID)'],
  ['--os-password <PASSWORD>', 'password', 'Password (env OS_PASSWORD); prompted for on a terminal when missing'],
  ['--os-user-domain-name <NAME>', 'userDomainName', 'User domain name (env OS_USER_DOMAIN_NAME)'],
  ['--os-user-domain-id <ID>', 'userDomainId', 'User domain id (env OS_USER_DOMAIN_ID)'],
  ['--os-project-name <NAME>', 'projectName', 'Project name (env OS_PROJECT_NAME)'],
  ['--os-project-id <ID>', 'projectId', 'Project id (env OS_PROJECT_ID)'],
  ['--os-tenant-name <NAME>', 'projectName', 'Tenant (project) name (env OS_TENANT_NAME)'],
  ['--os-tenant-id <ID>', 'projectId', 'Tenant (project) id (env OS_TENANT_ID)'],
  ['--os-project-domain-name <NAME>', 'projectDomainName', 'Project domain name (env OS_PROJECT_DOMAIN_NAME)'],
  ['--os-project-domain-id <ID>', 'projectDomainId', 'Project domain id (env OS_PROJECT_DOMAIN_ID)'],
  ['--os-default-domain <ID>', 'defaultDomain', 'Domain for user and project when neither is given (env OS_DEFAULT_DOMAIN)'],
  ['--os-token <TOKEN>', 'token', 'Token (env OS_TOKEN / OS_SERVICE_TOKEN); with --os-endpoint: token mode'],
  ['--os-auth-token <TOKEN>', 'token', 'Token (env OS_AUTH_TOKEN); with --os-image-url skips Keystone'],
  ['--os-url <URL>', 'endpoint', 'Endpoint for token mode (env OS_URL)'],
  ['--os-endpoint <URL>', 'endpoint', 'Endpoint for token mode (env OS_SERVICE_ENDPOINT)'],
  ['--os-application-credential-id <ID>', 'applicationCredentialId', 'Application credential id'],
  ['--os-application-credential-name <NAME>', 'applicationCredentialName', 'Application credential name'],
  ['--os-application-credential-secret <SECRET>', 'applicationCredentialSecret', 'Application credential secret'],
  ['--os-region-name <REGION>', 'regionName', 'Region (env OS_REGION_NAME)'],
  ['--os-interface <INTERFACE>', 'interface', 'public, internal or admin (env OS_INTERFACE)'],
  ['--os-endpoint-type <TYPE>', 'interface', 'publicURL, internalURL or adminURL (env OS_ENDPOINT_TYPE)'],
  ['--os-image-url <URL>', 'imageUrl', 'Image service endpoint, bypassing the catalog (env OS_IMAGE_URL)'],
  ['--os-cacert <FILE>', 'cacert', 'CA bundle to verify TLS servers (env OS_CACERT)'],
  ['--os-cert <FILE>', 'cert', 'Client certificate (env OS_CERT)'],
  ['--os-key <FILE>', 'key', 'Client certificate key (env OS_KEY)'],
];

/** Credential flags as typed text flags, keyed by their flag names. */
const credentialTextFlags: Record<string, Flag<string | undefined>> = Object.fromEntries(
  CREDENTIAL_FLAGS.map(([flags, , description]) => [longName(flags), text(flags, description)]),
);

export const GLOBAL_FLAGS = {
  debug: presence('-d, --debug', 'Trace HTTP requests to stderr (secrets redacted)'),
  verbose: presence('-v, --verbose', 'More detail (glance: extra image-list columns)'),
  // Checked by globalsFrom, not as a choice: glanceclient refuses a bad value (flag or env) with exit 1, not a usage error.
  imageApiVersion: text(
    '--os-image-api-version <VERSION>',
    'Glance output dialect: 1 (runbook, default) or 2 (python-glanceclient 4.x) (env OS_IMAGE_API_VERSION)',
    { suggestions: ['1', '2'] },
  ),
  identityApiVersion: text('--os-identity-api-version <VERSION>', 'Accepted for compatibility; Identity v3 is always used', { hidden: true }),
  serviceType: text('--os-service-type <TYPE>', 'Accepted for compatibility', { hidden: true }),
  rc: text('--os-rc <FILE>', 'Read credentials from a keystonerc file'),
  cloud: text('--os-cloud <NAME>', 'Cloud in clouds.yaml (env OS_CLOUD)'),
  ...credentialTextFlags,
  timeout: seconds('--timeout <SECONDS>', 'Request timeout in seconds (default 600)'),
  insecure: presence('--insecure', 'Do not verify TLS certificates (env OS_INSECURE)'),
  noCache: presence('--no-cache', 'Do not reuse or store tokens (env OS_CACHE=0)'),
  osCache: presence('--os-cache', 'Cache tokens (the default)', { hidden: true }),
  forceNewToken: presence('--force-new-token', 'Authenticate afresh even if a cached token is valid'),
  staleDuration: text('--stale-duration <SECONDS>', 'Accepted for compatibility', { hidden: true }),
};

export type GlobalFlags = FlagValues<typeof GLOBAL_FLAGS>;

/** keystoneclient 2.3.2's global options: keystone's help lists these and no others (the rest stay accepted, unlisted). */
const KEYSTONE_LISTED = new Set([
  '--debug',
  '--timeout',
  '--os-username',
  '--os-password',
  '--os-tenant-name',
  '--os-tenant-id',
  '--os-auth-url',
  '--os-region-name',
  '--os-identity-api-version',
  '--os-token',
  '--os-endpoint',
  '--os-cache',
  '--force-new-token',
  '--stale-duration',
  '--insecure',
  '--os-cacert',
  '--os-cert',
  '--os-key',
]);

/** Glance's alone: keystone does not take them. */
const GLANCE_ONLY = new Set(['--os-image-api-version', '--os-image-url']);

/** The global flags of one program: glance's all, keystone's without glance's own and listing only the classic ones. */
export function globalFlagsFor(program: string): FlagSet {
  if (program !== 'keystone') return GLOBAL_FLAGS;
  const kept = Object.entries(GLOBAL_FLAGS).filter(([, flag]) => !GLANCE_ONLY.has(longName(flag.flags)));
  return Object.fromEntries(kept.map(([key, flag]) => [key, { ...flag, hidden: !KEYSTONE_LISTED.has(longName(flag.flags)) }]));
}

/**
 * --os-image-api-version / OS_IMAGE_API_VERSION as glanceclient reads it: Python's int() (blanks
 * around, a sign, digits with single underscores) and 1 or 2, else its message and exit 1; empty
 * is unset. Unset, the runbook's dialect (1).
 */
export function imageApiVersion(value: string | undefined): 1 | 2 {
  if (!value) return 1;
  const digits = /^\s*([+-]?\d+(?:_\d+)*)\s*$/.exec(value)?.[1]?.replace(/_/g, '');
  const version = digits === undefined ? Number.NaN : Number(digits);
  if (version !== 1 && version !== 2) throw new CliError('Invalid API version parameter. Supported values are [1, 2]');
  return version;
}

/** The options of a run of `program`; OS_IMAGE_API_VERSION is glance's alone (keystone ignores it, as it always did). */
export function globalsFrom(flags: Partial<GlobalFlags>, env: NodeJS.ProcessEnv, program: 'glance' | 'keystone'): GlobalOptions {
  const credentialFlags: RawSettings = {};
  const byName: Readonly<Record<string, unknown>> = flags;
  for (const [spec, field] of CREDENTIAL_FLAGS) {
    const value = byName[longName(spec)];
    if (typeof value === 'string') credentialFlags[field] = value;
  }
  if (flags.insecure === true) credentialFlags.insecure = true;
  if (flags.noCache === true) credentialFlags.cache = false;
  if (flags.forceNewToken === true) credentialFlags.forceNewToken = true;
  if (flags.timeout !== undefined) credentialFlags.timeoutSeconds = flags.timeout;
  return {
    debug: flags.debug === true,
    verbose: flags.verbose === true,
    imageApiVersion: program === 'glance' ? imageApiVersion(flags.imageApiVersion ?? env.OS_IMAGE_API_VERSION) : 1,
    rcPath: flags.rc,
    cloud: flags.cloud ?? env.OS_CLOUD,
    credentialFlags,
  };
}

// Options that come before the command, for both dialects (argparse's global options).
import type { Credentials, RawSettings } from '../config/credentials.js';
import type { OptionSpec } from './command.js';

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
  ['--timeout <SECONDS>', 'timeoutSeconds', 'Request timeout in seconds (default 600)'],
];

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  { flags: '-d, --debug', description: 'Trace HTTP requests to stderr (secrets redacted)' },
  { flags: '-v, --verbose', description: 'More detail (glance: extra image-list columns)' },
  { flags: '--os-image-api-version <VERSION>', description: 'Glance output dialect: 1 (runbook, default) or 2 (python-glanceclient 4.x) (env OS_IMAGE_API_VERSION)', choices: ['1', '2'] },
  { flags: '--os-identity-api-version <VERSION>', description: 'Accepted for compatibility; Identity v3 is always used', hidden: true },
  { flags: '--os-service-type <TYPE>', description: 'Accepted for compatibility', hidden: true },
  { flags: '--os-rc <FILE>', description: 'Read credentials from a keystonerc file' },
  { flags: '--os-cloud <NAME>', description: 'Cloud in clouds.yaml (env OS_CLOUD)' },
  ...CREDENTIAL_FLAGS.map(([flags, , description]) => ({ flags, description })),
  { flags: '--insecure', description: 'Do not verify TLS certificates (env OS_INSECURE)' },
  { flags: '--no-cache', description: 'Do not reuse or store tokens (env OS_CACHE=0)' },
  { flags: '--os-cache', description: 'Cache tokens (the default)', hidden: true },
  { flags: '--force-new-token', description: 'Authenticate afresh even if a cached token is valid' },
  { flags: '--stale-duration <SECONDS>', description: 'Accepted for compatibility', hidden: true },
];

/** Commander's camelCase attribute name for a flag spec ('--os-auth-url <URL>' → 'osAuthUrl'). */
export function attributeName(flags: string): string {
  const long = /--([a-z0-9-]+)/.exec(flags)?.[1] ?? '';
  const name = long.startsWith('no-') ? long.slice(3) : long;
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function globalsFrom(opts: Record<string, unknown>, env: NodeJS.ProcessEnv): GlobalOptions {
  const credentialFlags: RawSettings = {};
  for (const [flags, field] of CREDENTIAL_FLAGS) {
    const value = opts[attributeName(flags)];
    if (typeof value === 'string') credentialFlags[field] = value;
  }
  if (opts.insecure === true) credentialFlags.insecure = true;
  if (opts.cache === false) credentialFlags.cache = false;
  if (opts.forceNewToken === true) credentialFlags.forceNewToken = true;
  const version = (opts.osImageApiVersion as string | undefined) ?? env.OS_IMAGE_API_VERSION ?? '1';
  return {
    debug: opts.debug === true,
    verbose: opts.verbose === true,
    imageApiVersion: version.startsWith('2') ? 2 : 1,
    rcPath: opts.osRc as string | undefined,
    cloud: (opts.osCloud as string | undefined) ?? env.OS_CLOUD,
    credentialFlags,
  };
}

// One merged, validated description of who we are and where the cloud is.

export type AuthType = 'password' | 'token' | 'v3applicationcredential' | 'admin_token';
export type Interface = 'public' | 'internal' | 'admin';

/** What must never be shown: scrubbed from server text before it is printed. */
export function secretsOf(c: Credentials): Array<string | undefined> {
  return [c.password, c.applicationCredentialSecret, c.token];
}

export interface Credentials {
  authType: AuthType;
  authUrl?: string;
  username?: string;
  userId?: string;
  password?: string;
  userDomainName?: string;
  userDomainId?: string;
  projectName?: string;
  projectId?: string;
  projectDomainName?: string;
  projectDomainId?: string;
  /** Fallback for both user and project domain (OS_DEFAULT_DOMAIN), else "default". */
  defaultDomain?: string;
  token?: string;
  /** Token mode: the endpoint every request goes to (OS_SERVICE_ENDPOINT / OS_URL). */
  endpoint?: string;
  applicationCredentialId?: string;
  applicationCredentialName?: string;
  applicationCredentialSecret?: string;
  regionName?: string;
  interface: Interface;
  imageUrl?: string;
  cacert?: string;
  cert?: string;
  key?: string;
  insecure: boolean;
  timeoutSeconds: number;
  cache: boolean;
  forceNewToken: boolean;
}

/** OS_* names as the classic clients read them, mapped to Credentials fields. Later names are aliases. */
export const ENV_NAMES: ReadonlyArray<readonly [keyof Credentials, readonly string[]]> = [
  ['authType', ['OS_AUTH_TYPE', 'OS_AUTH_PLUGIN']],
  ['authUrl', ['OS_AUTH_URL']],
  ['username', ['OS_USERNAME']],
  ['userId', ['OS_USER_ID']],
  ['password', ['OS_PASSWORD']],
  ['userDomainName', ['OS_USER_DOMAIN_NAME']],
  ['userDomainId', ['OS_USER_DOMAIN_ID']],
  ['projectName', ['OS_PROJECT_NAME', 'OS_TENANT_NAME']],
  ['projectId', ['OS_PROJECT_ID', 'OS_TENANT_ID']],
  ['projectDomainName', ['OS_PROJECT_DOMAIN_NAME']],
  ['projectDomainId', ['OS_PROJECT_DOMAIN_ID']],
  ['defaultDomain', ['OS_DEFAULT_DOMAIN']],
  ['token', ['OS_TOKEN', 'OS_AUTH_TOKEN', 'OS_SERVICE_TOKEN']],
  ['endpoint', ['OS_URL', 'OS_SERVICE_ENDPOINT']],
  ['applicationCredentialId', ['OS_APPLICATION_CREDENTIAL_ID']],
  ['applicationCredentialName', ['OS_APPLICATION_CREDENTIAL_NAME']],
  ['applicationCredentialSecret', ['OS_APPLICATION_CREDENTIAL_SECRET']],
  ['regionName', ['OS_REGION_NAME']],
  ['interface', ['OS_INTERFACE', 'OS_ENDPOINT_TYPE']],
  ['imageUrl', ['OS_IMAGE_URL']],
  ['cacert', ['OS_CACERT']],
  ['cert', ['OS_CERT']],
  ['key', ['OS_KEY']],
  ['insecure', ['OS_INSECURE']],
  ['cache', ['OS_CACHE']],
];

export type RawSettings = Partial<Record<keyof Credentials, string | boolean | number>>;

// Keystone v3 authentication: password, token or application credential, project-scoped.
import { type Credentials, secretsOf } from '../config/credentials.js';
import { CliError } from '../errors.js';
import { decodeAnswer, list, optional, shape, str, time } from '../http/decode.js';
import type { HttpTransport } from '../http/transport.js';
import { catalogGuard, type CatalogService } from './catalog.js';
import { errorFromResponse, readJson } from './errors.js';
import { followLink } from './links.js';
import { readBody } from './read-body.js';

export interface AuthState {
  token: string;
  expiresAt: string;
  /** The v3 base URL actually used (after discovery from a /v2.0 or unversioned auth URL). */
  identityUrl: string;
  userId: string;
  userName?: string;
  projectId?: string;
  projectName?: string;
  catalog: CatalogService[];
}

/** One API version, as a version discovery document describes it. */
export interface VersionDoc {
  id: string;
  status: string;
  links?: Array<{ rel?: string; href?: string }>;
}

export const versionDocGuard = shape<VersionDoc>({
  id: str,
  status: str,
  links: optional(list(shape<{ rel?: string; href?: string }>({ rel: optional(str), href: optional(str) }))),
});

/** A discovery document: a root lists versions, a versioned URL describes its own. */
export interface DiscoveryDoc {
  version?: VersionDoc;
  versions?: { values?: VersionDoc[] };
}

export const discoveryGuard = shape<DiscoveryDoc>({
  version: optional(versionDocGuard),
  versions: optional(shape<NonNullable<DiscoveryDoc['versions']>>({ values: optional(list(versionDocGuard)) })),
});

/** Resolves an auth URL to its v3 base: /v3 as is; /v2.0 or unversioned by asking the server. */
export async function discoverV3(authUrl: string, transport: HttpTransport, timeoutSeconds: number): Promise<string> {
  const trimmed = authUrl.replace(/\/+$/, '');
  if (/\/v3$/.test(trimmed)) return trimmed;
  const root = trimmed.replace(/\/v2\.0$/, '');
  const res = await transport.request({ method: 'GET', url: root + '/', headers: { Accept: 'application/json' } });
  const text = await readBody(res, timeoutSeconds);
  let parsed: unknown = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON: no version list, said below */
  }
  const doc = decodeAnswer('Keystone', 'GET', res.url, parsed, discoveryGuard);
  const v3 = doc.versions?.values?.find((v) => v.id.startsWith('v3') && v.status !== 'deprecated');
  const href = v3?.links?.find((l) => l.rel === 'self')?.href;
  if (!href)
    throw new CliError(`The server at ${authUrl} offers no Identity v3 API (found ${doc.versions?.values?.map((v) => v.id).join(', ') || 'no version list'}).`);
  // The password goes there next: a relative href is below the root, another origin is refused.
  try {
    return followLink(root, href).replace(/\/+$/, '');
  } catch (err) {
    throw new CliError(`${(err as Error).message} (Keystone at ${root} names it as its v3 API; if it is right, pass it as --os-auth-url.)`);
  }
}

function domain(name: string | undefined, id: string | undefined, fallback: string | undefined): Record<string, string> {
  if (id) return { id };
  if (name) return { name };
  return { id: fallback ?? 'default' };
}

export function authBody(c: Credentials): unknown {
  let identity: unknown;
  if (c.authType === 'token') {
    identity = { methods: ['token'], token: { id: c.token } };
  } else if (c.authType === 'v3applicationcredential') {
    const cred: Record<string, unknown> = { secret: c.applicationCredentialSecret };
    if (c.applicationCredentialId) cred.id = c.applicationCredentialId;
    else {
      cred.name = c.applicationCredentialName;
      cred.user = c.userId ? { id: c.userId } : { name: c.username, domain: domain(c.userDomainName, c.userDomainId, c.defaultDomain) };
    }
    return { auth: { identity: { methods: ['application_credential'], application_credential: cred } } };
  } else {
    const user: Record<string, unknown> = c.userId
      ? { id: c.userId, password: c.password }
      : { name: c.username, domain: domain(c.userDomainName, c.userDomainId, c.defaultDomain), password: c.password };
    identity = { methods: ['password'], password: { user } };
  }
  let scope: unknown;
  if (c.projectId) scope = { project: { id: c.projectId } };
  else if (c.projectName) {
    scope = { project: { name: c.projectName, domain: domain(c.projectDomainName, c.projectDomainId, c.defaultDomain) } };
  }
  return { auth: scope ? { identity, scope } : { identity } };
}

/** What Keystone says of a token it issued (POST /v3/auth/tokens), as far as we use it. */
interface TokenBody {
  token: {
    expires_at: string;
    user: { id: string; name?: string };
    project?: { id: string; name?: string };
    catalog?: CatalogService[];
  };
}

const named = shape<{ id: string; name?: string }>({ id: str, name: optional(str) });

const tokenGuard = shape<TokenBody>({
  token: shape<TokenBody['token']>({ expires_at: time, user: named, project: optional(named), catalog: optional(catalogGuard) }),
});

export async function authenticate(c: Credentials, identityUrl: string, transport: HttpTransport): Promise<AuthState> {
  const res = await transport.request({
    method: 'POST',
    url: `${identityUrl}/auth/tokens`,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(authBody(c)),
  });
  if (res.status === 401) {
    await res.body.dump();
    throw new CliError('Invalid OpenStack Identity credentials.');
  }
  if (res.status >= 400) throw await errorFromResponse(res, c.timeoutSeconds, secretsOf(c));
  const token = res.headers['x-subject-token'];
  const body = decodeAnswer('Keystone', 'POST', res.url, await readJson(res, c.timeoutSeconds), tokenGuard);
  if (!token) throw new CliError(`Keystone at ${identityUrl} answered without an X-Subject-Token header.`);
  return {
    token,
    expiresAt: body.token.expires_at,
    identityUrl,
    userId: body.token.user.id,
    userName: body.token.user.name,
    projectId: body.token.project?.id,
    projectName: body.token.project?.name,
    catalog: body.token.catalog ?? [],
  };
}

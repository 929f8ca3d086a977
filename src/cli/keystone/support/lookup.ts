// keystoneclient's find_resource: an id first, then a unique name; its messages when neither fits.
// Tenants (and users found by name) live in the domain of the credentials (default `default`).
import type { IdentityApi } from '../../../api/identity/index.js';
import type { Project } from '../../../api/identity/projects.js';
import type { Role } from '../../../api/identity/roles.js';
import type { Service } from '../../../api/identity/services.js';
import type { User } from '../../../api/identity/users.js';
import { CliError, HttpError } from '../../../errors.js';

export type Kind = 'tenant' | 'user' | 'role' | 'service';

export async function findResource<T>(kind: Kind, nameOrId: string, get: (id: string) => Promise<T>, byName: (name: string) => Promise<T[]>): Promise<T> {
  try {
    return await get(nameOrId);
  } catch (err) {
    if (!(err instanceof HttpError && err.status === 404)) throw err;
  }
  const matches = await byName(nameOrId);
  if (matches.length === 0) throw new CliError(`No ${kind} with a name or ID of '${nameOrId}' exists.`);
  if (matches.length > 1) throw new CliError(`Multiple ${kind} matches found for '${nameOrId}', use an ID to be more specific.`);
  return matches[0]!;
}

const domainIds = new WeakMap<IdentityApi, Promise<string>>();

/** The domain tenants and users live in: the project's, else the user's domain of the credentials, else `default`. */
export function tenantDomainId(identity: IdentityApi): Promise<string> {
  let pending = domainIds.get(identity);
  if (!pending) {
    pending = resolveDomain(identity);
    domainIds.set(identity, pending);
  }
  return pending;
}

async function resolveDomain(identity: IdentityApi): Promise<string> {
  const c = identity.session.credentials;
  const id = c.projectDomainId ?? (c.projectDomainName ? undefined : c.userDomainId);
  if (id) return id;
  const name = c.projectDomainName ?? c.userDomainName;
  if (!name) return c.defaultDomain ?? 'default';
  const [domain] = await identity.domains.list({ name });
  if (!domain) throw new CliError(`No domain with a name of '${name}' exists (from OS_PROJECT_DOMAIN_NAME / OS_USER_DOMAIN_NAME).`);
  return domain.id;
}

export async function findTenant(identity: IdentityApi, nameOrId: string): Promise<Project> {
  return findResource(
    'tenant',
    nameOrId,
    (id) => identity.projects.get(id),
    async (name) => identity.projects.list({ name, domain_id: await tenantDomainId(identity) }),
  );
}

export async function findUser(identity: IdentityApi, nameOrId: string): Promise<User> {
  return findResource(
    'user',
    nameOrId,
    (id) => identity.users.get(id),
    async (name) => identity.users.list({ name, domain_id: await tenantDomainId(identity) }),
  );
}

export async function findRole(identity: IdentityApi, nameOrId: string): Promise<Role> {
  return findResource(
    'role',
    nameOrId,
    (id) => identity.roles.get(id),
    (name) => identity.roles.list({ name }),
  );
}

export async function findService(identity: IdentityApi, nameOrId: string): Promise<Service> {
  return findResource(
    'service',
    nameOrId,
    (id) => identity.services.get(id),
    async (name) => (await identity.services.list()).filter((s) => s.name === name),
  );
}

/** The user and tenant of the token, the classic default for --user-id / --tenant-id. */
export async function authenticated(identity: IdentityApi, what: string): Promise<{ userId: string; projectId?: string }> {
  if (identity.session.tokenMode) throw new CliError(`Token mode has no authenticated user: give ${what}.`);
  const token = await identity.tokens.current();
  return { userId: token.userId, projectId: token.projectId };
}

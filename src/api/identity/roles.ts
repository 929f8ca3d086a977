import { list, nullable, optional, shape, str, wrapped } from '../../http/decode.js';
import type { Session } from '../../session/session.js';

export interface Role {
  id: string;
  name: string;
  domain_id?: string | null;
  [extra: string]: unknown;
}

export const roleGuard = shape<Role>({ id: str, name: str, domain_id: optional(nullable(str)) });
const one = wrapped('role', roleGuard);

const grantPath = (projectId: string, userId: string, roleId: string): string =>
  `/projects/${encodeURIComponent(projectId)}/users/${encodeURIComponent(userId)}/roles/${encodeURIComponent(roleId)}`;

export class RolesApi {
  constructor(private readonly session: Session) {}

  async list(query: { name?: string } = {}): Promise<Role[]> {
    return this.session.json('identity', { method: 'GET', path: '/roles', query }, wrapped('roles', list(roleGuard)));
  }

  async get(id: string): Promise<Role> {
    return this.session.json('identity', { method: 'GET', path: `/roles/${encodeURIComponent(id)}` }, one);
  }

  async create(role: { name: string }): Promise<Role> {
    return this.session.json('identity', { method: 'POST', path: '/roles', json: { role } }, one);
  }

  async delete(id: string): Promise<void> {
    await this.session.send('identity', { method: 'DELETE', path: `/roles/${encodeURIComponent(id)}` });
  }

  /** Grants a role to a user on a project (v2.0's tenant role). */
  async grantOnProject(projectId: string, userId: string, roleId: string): Promise<void> {
    await this.session.send('identity', { method: 'PUT', path: grantPath(projectId, userId, roleId) });
  }

  async revokeOnProject(projectId: string, userId: string, roleId: string): Promise<void> {
    await this.session.send('identity', { method: 'DELETE', path: grantPath(projectId, userId, roleId) });
  }
}

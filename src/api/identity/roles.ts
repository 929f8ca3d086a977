import type { Session } from '../../session/session.js';

export interface Role {
  id: string;
  name: string;
  domain_id?: string | null;
  [extra: string]: unknown;
}

const grantPath = (projectId: string, userId: string, roleId: string): string =>
  `/projects/${encodeURIComponent(projectId)}/users/${encodeURIComponent(userId)}/roles/${encodeURIComponent(roleId)}`;

export class RolesApi {
  constructor(private readonly session: Session) {}

  async list(query: { name?: string } = {}): Promise<Role[]> {
    return (await this.session.json<{ roles: Role[] }>('identity', { method: 'GET', path: '/roles', query })).roles;
  }

  async get(id: string): Promise<Role> {
    return (await this.session.json<{ role: Role }>('identity', { method: 'GET', path: `/roles/${encodeURIComponent(id)}` })).role;
  }

  async create(role: { name: string }): Promise<Role> {
    return (await this.session.json<{ role: Role }>('identity', { method: 'POST', path: '/roles', json: { role } })).role;
  }

  async delete(id: string): Promise<void> {
    await this.session.json('identity', { method: 'DELETE', path: `/roles/${encodeURIComponent(id)}` });
  }

  /** Grants a role to a user on a project (v2.0's tenant role). */
  async grantOnProject(projectId: string, userId: string, roleId: string): Promise<void> {
    await this.session.json('identity', { method: 'PUT', path: grantPath(projectId, userId, roleId) });
  }

  async revokeOnProject(projectId: string, userId: string, roleId: string): Promise<void> {
    await this.session.json('identity', { method: 'DELETE', path: grantPath(projectId, userId, roleId) });
  }
}

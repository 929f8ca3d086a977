import { bool, list, nullable, optional, shape, str, wrapped } from '../../http/decode.js';
import type { Session } from '../../session/session.js';

export interface Project {
  id: string;
  name: string;
  description?: string | null;
  enabled: boolean;
  domain_id: string;
  [extra: string]: unknown;
}

export interface ProjectCreate {
  name: string;
  description?: string;
  enabled?: boolean;
  domain_id?: string;
}

export const projectGuard = shape<Project>({ id: str, name: str, description: optional(nullable(str)), enabled: bool, domain_id: str });
const one = wrapped('project', projectGuard);
const many = wrapped('projects', list(projectGuard));

export class ProjectsApi {
  constructor(private readonly session: Session) {}

  async list(query: { name?: string; domain_id?: string } = {}): Promise<Project[]> {
    return this.session.json('identity', { method: 'GET', path: '/projects', query }, many);
  }

  /** The projects the current token's user may scope to (no admin rights needed). */
  async listForCurrentUser(): Promise<Project[]> {
    return this.session.json('identity', { method: 'GET', path: '/auth/projects' }, many);
  }

  async get(id: string): Promise<Project> {
    return this.session.json('identity', { method: 'GET', path: `/projects/${encodeURIComponent(id)}` }, one);
  }

  async create(project: ProjectCreate): Promise<Project> {
    return this.session.json('identity', { method: 'POST', path: '/projects', json: { project } }, one);
  }

  async update(id: string, changes: Partial<ProjectCreate>): Promise<Project> {
    return this.session.json('identity', { method: 'PATCH', path: `/projects/${encodeURIComponent(id)}`, json: { project: changes } }, one);
  }

  async delete(id: string): Promise<void> {
    await this.session.send('identity', { method: 'DELETE', path: `/projects/${encodeURIComponent(id)}` });
  }
}

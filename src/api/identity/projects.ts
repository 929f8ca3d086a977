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

export class ProjectsApi {
  constructor(private readonly session: Session) {}

  async list(query: { name?: string; domain_id?: string } = {}): Promise<Project[]> {
    const body = await this.session.json<{ projects: Project[] }>('identity', { method: 'GET', path: '/projects', query });
    return body.projects;
  }

  /** The projects the current token's user may scope to (no admin rights needed). */
  async listForCurrentUser(): Promise<Project[]> {
    return (await this.session.json<{ projects: Project[] }>('identity', { method: 'GET', path: '/auth/projects' })).projects;
  }

  async get(id: string): Promise<Project> {
    return (await this.session.json<{ project: Project }>('identity', { method: 'GET', path: `/projects/${encodeURIComponent(id)}` })).project;
  }

  async create(project: ProjectCreate): Promise<Project> {
    return (await this.session.json<{ project: Project }>('identity', { method: 'POST', path: '/projects', json: { project } })).project;
  }

  async update(id: string, changes: Partial<ProjectCreate>): Promise<Project> {
    return (await this.session.json<{ project: Project }>('identity', { method: 'PATCH', path: `/projects/${encodeURIComponent(id)}`, json: { project: changes } })).project;
  }

  async delete(id: string): Promise<void> {
    await this.session.json('identity', { method: 'DELETE', path: `/projects/${encodeURIComponent(id)}` });
  }
}

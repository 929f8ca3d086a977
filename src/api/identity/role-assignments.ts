import type { Session } from '../../session/session.js';

export interface RoleAssignment {
  role: { id: string; name?: string };
  user?: { id: string; name?: string };
  group?: { id: string; name?: string };
  scope?: { project?: { id: string; name?: string }; domain?: { id: string; name?: string } };
}

export interface AssignmentQuery {
  userId?: string;
  projectId?: string;
  /** Ask Keystone to add role, user and project names. */
  includeNames?: boolean;
}

export class RoleAssignmentsApi {
  constructor(private readonly session: Session) {}

  /** Direct assignments only (no group expansion, no implied roles), as v2.0 listed them. */
  async list(query: AssignmentQuery): Promise<RoleAssignment[]> {
    const body = await this.session.json<{ role_assignments: RoleAssignment[] }>('identity', {
      method: 'GET',
      path: '/role_assignments',
      query: {
        'user.id': query.userId,
        'scope.project.id': query.projectId,
        include_names: query.includeNames ? 'true' : undefined,
      },
    });
    return body.role_assignments;
  }
}

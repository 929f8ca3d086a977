import { list, optional, shape, str, wrapped, type Guard } from '../../http/decode.js';
import type { Session } from '../../session/session.js';

/** What an assignment names: a role, user, group, project or domain. */
interface Named {
  id: string;
  name?: string;
}

export interface RoleAssignment {
  role: Named;
  user?: Named;
  group?: Named;
  scope?: { project?: Named; domain?: Named };
}

export interface AssignmentQuery {
  userId?: string;
  projectId?: string;
  /** Ask Keystone to add role, user and project names. */
  includeNames?: boolean;
}

const named: Guard<Named> = shape<Named>({ id: str, name: optional(str) });

export const roleAssignmentGuard = shape<RoleAssignment>({
  role: named,
  user: optional(named),
  group: optional(named),
  scope: optional(shape<NonNullable<RoleAssignment['scope']>>({ project: optional(named), domain: optional(named) })),
});

export class RoleAssignmentsApi {
  constructor(private readonly session: Session) {}

  /** Direct assignments only (no group expansion, no implied roles), as v2.0 listed them. */
  async list(query: AssignmentQuery): Promise<RoleAssignment[]> {
    const req = {
      method: 'GET',
      path: '/role_assignments',
      query: {
        'user.id': query.userId,
        'scope.project.id': query.projectId,
        include_names: query.includeNames ? 'true' : undefined,
      },
    };
    return this.session.json('identity', req, wrapped('role_assignments', list(roleAssignmentGuard)));
  }
}

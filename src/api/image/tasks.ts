import type { Session } from '../../session/session.js';

export class TasksApi {
  constructor(private readonly session: Session) {}
}

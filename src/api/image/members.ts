import type { Session } from '../../session/session.js';

export class MembersApi {
  constructor(private readonly session: Session) {}
}

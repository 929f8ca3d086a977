import type { Session } from '../../session/session.js';

export class TagsApi {
  constructor(private readonly session: Session) {}
}

import type { Session } from '../../session/session.js';

export class ImportsApi {
  constructor(private readonly session: Session) {}
}

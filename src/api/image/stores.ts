import type { Session } from '../../session/session.js';

export class StoresApi {
  constructor(private readonly session: Session) {}
}

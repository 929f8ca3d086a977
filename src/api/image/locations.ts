import type { Session } from '../../session/session.js';

export class LocationsApi {
  constructor(private readonly session: Session) {}
}

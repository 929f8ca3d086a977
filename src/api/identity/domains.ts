import { bool, list, shape, str, wrapped } from '../../http/decode.js';
import type { Session } from '../../session/session.js';

export interface Domain {
  id: string;
  name: string;
  enabled: boolean;
}

export const domainGuard = shape<Domain>({ id: str, name: str, enabled: bool });

export class DomainsApi {
  constructor(private readonly session: Session) {}

  async list(query: { name?: string } = {}): Promise<Domain[]> {
    return this.session.json('identity', { method: 'GET', path: '/domains', query }, wrapped('domains', list(domainGuard)));
  }
}

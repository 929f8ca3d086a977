import type { Session } from '../../session/session.js';

export interface Domain {
  id: string;
  name: string;
  enabled: boolean;
}

export class DomainsApi {
  constructor(private readonly session: Session) {}

  async list(query: { name?: string } = {}): Promise<Domain[]> {
    return (await this.session.json<{ domains: Domain[] }>('identity', { method: 'GET', path: '/domains', query })).domains;
  }
}

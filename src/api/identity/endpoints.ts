import type { Session } from '../../session/session.js';

export type EndpointInterface = 'public' | 'internal' | 'admin';

export interface Endpoint {
  id: string;
  service_id: string;
  interface: EndpointInterface;
  url: string;
  region_id?: string | null;
  region?: string | null;
  enabled: boolean;
  [extra: string]: unknown;
}

export interface EndpointCreate {
  service_id: string;
  interface: EndpointInterface;
  url: string;
  region_id?: string;
  /** Keystone keeps unknown attributes on an endpoint and returns them. */
  [extra: string]: unknown;
}

export class EndpointsApi {
  constructor(private readonly session: Session) {}

  async list(query: { service_id?: string; region_id?: string; interface?: EndpointInterface } = {}): Promise<Endpoint[]> {
    return (await this.session.json<{ endpoints: Endpoint[] }>('identity', { method: 'GET', path: '/endpoints', query })).endpoints;
  }

  async create(endpoint: EndpointCreate): Promise<Endpoint> {
    return (await this.session.json<{ endpoint: Endpoint }>('identity', { method: 'POST', path: '/endpoints', json: { endpoint } })).endpoint;
  }

  async update(id: string, changes: Record<string, unknown>): Promise<Endpoint> {
    return (await this.session.json<{ endpoint: Endpoint }>('identity', { method: 'PATCH', path: `/endpoints/${encodeURIComponent(id)}`, json: { endpoint: changes } })).endpoint;
  }

  async delete(id: string): Promise<void> {
    await this.session.json('identity', { method: 'DELETE', path: `/endpoints/${encodeURIComponent(id)}` });
  }
}

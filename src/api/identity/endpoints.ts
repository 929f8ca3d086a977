import { bool, list, nullable, oneOf, optional, shape, str, wrapped } from '../../http/decode.js';
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

export const endpointGuard = shape<Endpoint>({
  id: str,
  service_id: str,
  interface: oneOf(['public', 'internal', 'admin']),
  url: str,
  region_id: optional(nullable(str)),
  region: optional(nullable(str)),
  enabled: bool,
});
const one = wrapped('endpoint', endpointGuard);

/** Creating, changing or deleting an endpoint changes the service catalog: see Session.changingCatalog. */
export class EndpointsApi {
  constructor(private readonly session: Session) {}

  async list(query: { service_id?: string; region_id?: string; interface?: EndpointInterface } = {}): Promise<Endpoint[]> {
    return this.session.json('identity', { method: 'GET', path: '/endpoints', query }, wrapped('endpoints', list(endpointGuard)));
  }

  async create(endpoint: EndpointCreate): Promise<Endpoint> {
    return this.session.changingCatalog(() => this.session.json('identity', { method: 'POST', path: '/endpoints', json: { endpoint } }, one));
  }

  async update(id: string, changes: Record<string, unknown>): Promise<Endpoint> {
    const path = `/endpoints/${encodeURIComponent(id)}`;
    return this.session.changingCatalog(() => this.session.json('identity', { method: 'PATCH', path, json: { endpoint: changes } }, one));
  }

  async delete(id: string): Promise<void> {
    await this.session.changingCatalog(() => this.session.send('identity', { method: 'DELETE', path: `/endpoints/${encodeURIComponent(id)}` }));
  }
}

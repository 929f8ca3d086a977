import { bool, list, nullable, optional, shape, str, wrapped } from '../../http/decode.js';
import type { Session } from '../../session/session.js';

export interface Service {
  id: string;
  type: string;
  name?: string;
  description?: string | null;
  enabled: boolean;
  [extra: string]: unknown;
}

export interface ServiceCreate {
  type: string;
  name?: string;
  description?: string;
  enabled?: boolean;
}

export const serviceGuard = shape<Service>({ id: str, type: str, name: optional(str), description: optional(nullable(str)), enabled: bool });
const one = wrapped('service', serviceGuard);

/** Creating or deleting a service changes the service catalog: see Session.changingCatalog. */
export class ServicesApi {
  constructor(private readonly session: Session) {}

  async list(query: { type?: string } = {}): Promise<Service[]> {
    return this.session.json('identity', { method: 'GET', path: '/services', query }, wrapped('services', list(serviceGuard)));
  }

  async get(id: string): Promise<Service> {
    return this.session.json('identity', { method: 'GET', path: `/services/${encodeURIComponent(id)}` }, one);
  }

  async create(service: ServiceCreate): Promise<Service> {
    return this.session.changingCatalog(() => this.session.json('identity', { method: 'POST', path: '/services', json: { service } }, one));
  }

  async delete(id: string): Promise<void> {
    await this.session.changingCatalog(() => this.session.send('identity', { method: 'DELETE', path: `/services/${encodeURIComponent(id)}` }));
  }
}

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

export class ServicesApi {
  constructor(private readonly session: Session) {}

  async list(query: { type?: string } = {}): Promise<Service[]> {
    return (await this.session.json<{ services: Service[] }>('identity', { method: 'GET', path: '/services', query })).services;
  }

  async get(id: string): Promise<Service> {
    return (await this.session.json<{ service: Service }>('identity', { method: 'GET', path: `/services/${encodeURIComponent(id)}` })).service;
  }

  async create(service: ServiceCreate): Promise<Service> {
    return (await this.session.json<{ service: Service }>('identity', { method: 'POST', path: '/services', json: { service } })).service;
  }

  async delete(id: string): Promise<void> {
    await this.session.json('identity', { method: 'DELETE', path: `/services/${encodeURIComponent(id)}` });
  }
}

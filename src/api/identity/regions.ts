import { nullable, optional, shape, str, wrapped } from '../../http/decode.js';
import type { Session } from '../../session/session.js';

export interface Region {
  id: string;
  description?: string;
  parent_region_id?: string | null;
}

export const regionGuard = shape<Region>({ id: str, description: optional(str), parent_region_id: optional(nullable(str)) });
const one = wrapped('region', regionGuard);

export class RegionsApi {
  constructor(private readonly session: Session) {}

  /** The region, or undefined when there is none with this id. */
  async find(id: string): Promise<Region | undefined> {
    return this.session.find('identity', { method: 'GET', path: `/regions/${encodeURIComponent(id)}` }, one);
  }

  async create(region: { id: string; description?: string }): Promise<Region> {
    return this.session.json('identity', { method: 'POST', path: '/regions', json: { region } }, one);
  }

  async delete(id: string): Promise<void> {
    await this.session.send('identity', { method: 'DELETE', path: `/regions/${encodeURIComponent(id)}` });
  }
}

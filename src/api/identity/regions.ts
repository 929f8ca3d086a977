import type { Session } from '../../session/session.js';

export interface Region {
  id: string;
  description?: string;
  parent_region_id?: string | null;
}

export class RegionsApi {
  constructor(private readonly session: Session) {}

  /** The region, or undefined when there is none with this id. */
  async find(id: string): Promise<Region | undefined> {
    const res = await this.session.request('identity', { method: 'GET', path: `/regions/${encodeURIComponent(id)}`, allow: [404] });
    if (res.status === 404) {
      await res.body.dump();
      return undefined;
    }
    return ((await res.body.json()) as { region: Region }).region;
  }

  async create(region: { id: string; description?: string }): Promise<Region> {
    return (await this.session.json<{ region: Region }>('identity', { method: 'POST', path: '/regions', json: { region } })).region;
  }

  async delete(id: string): Promise<void> {
    await this.session.json('identity', { method: 'DELETE', path: `/regions/${encodeURIComponent(id)}` });
  }
}

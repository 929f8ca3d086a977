import type { Query, Session } from '../../session/session.js';

/** A Glance v2 image record: the schema's fields plus free-form properties. */
export interface Image {
  id: string;
  name: string | null;
  status: string;
  visibility: string;
  protected: boolean;
  disk_format: string | null;
  container_format: string | null;
  size: number | null;
  virtual_size: number | null;
  checksum: string | null;
  os_hash_algo?: string | null;
  os_hash_value?: string | null;
  min_disk: number;
  min_ram: number;
  owner: string | null;
  created_at: string;
  updated_at: string;
  tags: string[];
  [property: string]: unknown;
}

/** One JSON-patch operation as Glance's image PATCH (media type v2.1) takes it. */
export type PatchOp =
  | { op: 'add' | 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string };

const PATCH_TYPE = 'application/openstack-images-v2.1-json-patch';

export const imagePath = (id: string): string => `/v2/images/${encodeURIComponent(id)}`;

export class ImagesApi {
  constructor(private readonly session: Session) {}

  /** All pages, following Glance's `next` links (paths below the endpoint's base URL), up to `limit` images. */
  async list(query: Query = {}, limit?: number): Promise<Image[]> {
    const images: Image[] = [];
    let path: string | undefined = '/v2/images';
    let q: Query | undefined = query;
    while (path) {
      const page: { images: Image[]; next?: string } = await this.session.json('image', { method: 'GET', path, query: q });
      images.push(...page.images);
      if (limit !== undefined && images.length >= limit) return images.slice(0, limit);
      path = page.next;
      q = undefined;
    }
    return images;
  }

  get(id: string): Promise<Image> {
    return this.session.json('image', { method: 'GET', path: imagePath(id) });
  }

  create(fields: Record<string, unknown>): Promise<Image> {
    return this.session.json('image', { method: 'POST', path: '/v2/images', json: fields });
  }

  async update(id: string, ops: readonly PatchOp[]): Promise<Image> {
    const res = await this.session.request('image', {
      method: 'PATCH',
      path: imagePath(id),
      body: JSON.stringify(ops),
      headers: { 'Content-Type': PATCH_TYPE },
    });
    return (await res.body.json()) as Image;
  }

  async delete(id: string): Promise<void> {
    await this.session.json('image', { method: 'DELETE', path: imagePath(id) });
  }
}

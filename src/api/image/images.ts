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

export class ImagesApi {
  constructor(private readonly session: Session) {}

  /** All pages, following Glance's `next` links (paths below the endpoint's base URL). */
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
}

import { CliError } from '../../errors.js';
import { bool, count, list, nullable, obj, optional, shape, str, type Guard } from '../../http/decode.js';
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

/** An image location (the `locations` property, when the server shows it). */
export interface Location {
  url: string;
  metadata: Record<string, unknown>;
}

export const locationGuard = shape<Location>({ url: str, metadata: obj });

/** The typed fields checked; the free-form properties stay as they are. */
export const imageGuard: Guard<Image> = shape<Image>({
  id: str,
  name: nullable(str),
  status: str,
  visibility: str,
  protected: bool,
  disk_format: nullable(str),
  container_format: nullable(str),
  size: nullable(count),
  virtual_size: nullable(count),
  checksum: nullable(str),
  os_hash_algo: optional(nullable(str)),
  os_hash_value: optional(nullable(str)),
  min_disk: count,
  min_ram: count,
  owner: nullable(str),
  created_at: str,
  updated_at: str,
  tags: list(str),
  // Not declared on Image (hidden unless the server shows locations), but LocationsApi reads it.
  locations: optional(list(locationGuard)),
});

/** The most pages one listing follows: 250,000 images at Glance's default page size (25). */
const MAX_PAGES = 10_000;

/** One page of GET /v2/images; `next` is a path below the endpoint's base URL. */
interface ImagePage {
  images: Image[];
  next?: string;
}

const pageGuard = shape<ImagePage>({ images: list(imageGuard), next: optional(str) });

/** One JSON-patch operation as Glance's image PATCH (media type v2.1) takes it. */
export type PatchOp = { op: 'add' | 'replace'; path: string; value: unknown } | { op: 'remove'; path: string };

const PATCH_TYPE = 'application/openstack-images-v2.1-json-patch';

export const imagePath = (id: string): string => `/v2/images/${encodeURIComponent(id)}`;

export class ImagesApi {
  constructor(private readonly session: Session) {}

  /**
   * All pages, following Glance's `next` links (joined below the endpoint, on its origin only: see
   * session/links.ts), up to `limit` images. A server that loops (a marker again, an empty page that
   * still has a next) or never ends (more than MAX_PAGES) stops the listing with one line.
   */
  async list(query: Query = {}, limit?: number): Promise<Image[]> {
    const images: Image[] = [];
    const markers = new Set<string>(typeof query.marker === 'string' ? [query.marker] : []);
    let page: ImagePage = await this.session.json('image', { method: 'GET', path: '/v2/images', query }, pageGuard);
    for (let pages = 1; ; pages++) {
      images.push(...page.images);
      if (limit !== undefined && images.length >= limit) return images.slice(0, limit);
      if (page.next === undefined) return images;
      if (page.images.length === 0) throw new CliError(`Glance returned an empty page with a next link (page ${pages}): listing stopped.`);
      // A link without a marker is its own key: the same link twice is a loop too.
      const marker = new URLSearchParams(page.next.split('?')[1] ?? '').get('marker') ?? page.next;
      if (markers.has(marker)) throw new CliError(`Glance's next link on page ${pages} repeats an earlier marker: listing stopped.`);
      if (pages >= MAX_PAGES)
        throw new CliError(`Glance's listing goes on past ${MAX_PAGES} pages: listing stopped (narrow it with filters, or raise --page-size).`);
      markers.add(marker);
      page = await this.session.json('image', { method: 'GET', path: page.next }, pageGuard);
    }
  }

  get(id: string): Promise<Image> {
    return this.session.json('image', { method: 'GET', path: imagePath(id) }, imageGuard);
  }

  create(fields: Record<string, unknown>): Promise<Image> {
    return this.session.json('image', { method: 'POST', path: '/v2/images', json: fields }, imageGuard);
  }

  update(id: string, ops: readonly PatchOp[]): Promise<Image> {
    return this.session.json('image', { method: 'PATCH', path: imagePath(id), json: ops, headers: { 'Content-Type': PATCH_TYPE } }, imageGuard);
  }

  async delete(id: string): Promise<void> {
    await this.session.send('image', { method: 'DELETE', path: imagePath(id) });
  }
}

import { bool, count, list, nullable, obj, optional, shape, str, type Guard } from '../../http/decode.js';
import type { Query, Session } from '../../session/session.js';
import { type ListOptions, listImages } from './image-pages.js';

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

/** One page of GET /v2/images; `next` is a path below the endpoint's base URL. */
export interface ImagePage {
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
   * Every image the query matches (up to `limit`), each once, in Glance's order: see image-pages.ts.
   * `visit` sees them as they arrive, so a caller keeps only what it prints.
   */
  each(query: Query, options: ListOptions, visit: (image: Image) => void): Promise<void> {
    const fetchPage = (path: string, pageQuery: Query): Promise<ImagePage> => this.session.json('image', { method: 'GET', path, query: pageQuery }, pageGuard);
    return listImages(fetchPage, query, options, visit);
  }

  /** Like each(), into one array. */
  async list(query: Query = {}, options: ListOptions = {}): Promise<Image[]> {
    const images: Image[] = [];
    await this.each(query, options, (image) => images.push(image));
    return images;
  }

  get(id: string): Promise<Image> {
    return this.session.json('image', { method: 'GET', path: imagePath(id) }, imageGuard);
  }

  /** The image, or undefined when Glance has none of that ID (404). */
  find(id: string): Promise<Image | undefined> {
    return this.session.find('image', { method: 'GET', path: imagePath(id) }, imageGuard);
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

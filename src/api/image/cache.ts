// The image cache's management API (Images API v2.14): what is cached, what is queued for caching.
import { count, fieldPath, list, num, obj, shape, str, type Guard } from '../../http/decode.js';
import type { Session } from '../../session/session.js';

/** One cached image as GET /v2/cache lists it; the times are seconds since the epoch (0: never). */
export interface CachedImage {
  image_id: string;
  last_accessed: number;
  last_modified: number;
  size: number;
  hits: number;
  [field: string]: unknown;
}

export const cachedImageGuard = shape<CachedImage>({ image_id: str, last_accessed: num, last_modified: num, size: count, hits: count });

/**
 * GET /v2/cache: `cached_images` (records) and `queued_images` (image IDs), in the server's key
 * order, which glanceclient prints in; a key other than cached_images holds IDs, as glanceclient reads it.
 */
export type CacheState = Record<string, CachedImage[] | string[]>;

const cachedImagesGuard = list(cachedImageGuard);
const queuedImagesGuard = list(str);

const cacheStateGuard: Guard<CacheState> = (value, at) => {
  const body = obj(value, at);
  for (const [key, entry] of Object.entries(body)) (key === 'cached_images' ? cachedImagesGuard : queuedImagesGuard)(entry, fieldPath(at, key));
  return body as CacheState;
};

/** Which part of the cache DELETE /v2/cache empties. */
export const CACHE_TARGETS = ['both', 'cache', 'queue'] as const;
export type CacheTarget = (typeof CACHE_TARGETS)[number];

const cachePath = (imageId: string): string => `/v2/cache/${encodeURIComponent(imageId)}`;

export class CacheApi {
  constructor(private readonly session: Session) {}

  list(): Promise<CacheState> {
    return this.session.json('image', { method: 'GET', path: '/v2/cache' }, cacheStateGuard);
  }

  /** Queues an image for the prefetcher to cache. */
  async queue(imageId: string): Promise<void> {
    await this.session.send('image', { method: 'PUT', path: cachePath(imageId) });
  }

  /** Removes an image from the cache and from the queue. */
  async delete(imageId: string): Promise<void> {
    await this.session.send('image', { method: 'DELETE', path: cachePath(imageId) });
  }

  /** Empties the cache, the queue or both (Glance's x-image-cache-clear-target; no header means both). */
  async clear(target: CacheTarget): Promise<void> {
    await this.session.send('image', { method: 'DELETE', path: '/v2/cache', headers: target === 'both' ? {} : { 'x-image-cache-clear-target': target } });
  }
}

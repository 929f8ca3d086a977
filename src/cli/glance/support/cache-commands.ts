// What glanceclient's cache commands share: the v2.14 check it makes before every cache call,
// print_cached_images (a centred PrettyTable, times from epoch seconds), and the per-image loop of
// cache-queue and cache-delete, which reports each failure and carries on.
import type { CachedImage, CacheState } from '../../../api/image/cache.js';
import type { ImageApi } from '../../../api/image/index.js';
import { CliError, ConnectionError, HttpError } from '../../../errors.js';
import type { Cell } from '../../../output/views.js';
import type { Deps } from '../../deps.js';

/** The cache API arrived with Images API v2.14. */
export const CACHE_API_VERSION = 'v2.14';

/** str() of the HTTPNotImplemented glanceclient raises when /versions lacks v2.14. */
export const CACHE_NOT_OFFERED = 'HTTP Glance does not support image caching API (v2.14)';

export const CACHE_COLUMNS = ['ID', 'State', 'Last Accessed (UTC)', 'Last Modified (UTC)', 'Size', 'Hits'] as const;

/** Python's round(): halves go to the even neighbour. */
function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** datetime.utcfromtimestamp(seconds).isoformat(): microseconds rounded half-even, shown only when not zero. */
export function utcIsoFormat(seconds: number): string {
  let whole = Math.trunc(seconds);
  let micros = roundHalfEven((seconds - whole) * 1e6);
  if (micros >= 1e6) {
    whole += 1;
    micros -= 1e6;
  } else if (micros < 0) {
    whole -= 1;
    micros += 1e6;
  }
  const base = new Date(whole * 1000).toISOString().slice(0, 19);
  return micros === 0 ? base : `${base}.${String(micros).padStart(6, '0')}`;
}

function cachedRow(image: CachedImage): Cell[] {
  const lastAccessed = image.last_accessed === 0 ? 'N/A' : utcIsoFormat(image.last_accessed);
  return [image.image_id, 'cached', lastAccessed, utcIsoFormat(image.last_modified), image.size, image.hits];
}

/** print_cached_images' rows: the server's lists in its key order; every list but cached_images holds queued IDs. */
export function cacheRows(state: CacheState): Cell[][] {
  return Object.entries(state).flatMap(([key, images]) =>
    key === 'cached_images' ? (images as CachedImage[]).map(cachedRow) : (images as string[]).map((id) => [id, 'queued', 'N/A', 'N/A', 'N/A', 'N/A']),
  );
}

/** What glanceclient raises when /versions lacks v2.14: an HTTPNotImplemented that prints as CACHE_NOT_OFFERED. */
export class CacheNotOffered extends CliError {
  constructor() {
    super(CACHE_NOT_OFFERED);
    this.name = 'CacheNotOffered';
  }
}

/** The image API once the server has said it offers the cache API (a CacheNotOffered otherwise). */
export async function cacheApi(deps: Deps): Promise<ImageApi> {
  const api = await deps.image();
  if (!(await api.versions.offers(CACHE_API_VERSION))) throw new CacheNotOffered();
  return api;
}

/** A failure glanceclient reports and carries on past: its HTTP errors, including a server without the cache API. */
export const isHttpFailure = (err: unknown): err is CliError => err instanceof HttpError || err instanceof CacheNotOffered;

export interface PerImageWords {
  /** glanceclient's message for a 403 on this image. */
  forbidden(id: string): string;
  /** Its message for any other HTTP error (`detail` is str() of the exception). */
  failed(detail: string, id: string): string;
}

function failureLine(err: unknown, image: string, words: PerImageWords): string | undefined {
  if (err instanceof HttpError && err.status === 403) return words.forbidden(image);
  if (isHttpFailure(err)) return words.failed(err.message, image);
  // The runbook dialect's name lookup ("No image with a name or ID of 'x' exists."); a lost connection ends the run.
  if (err instanceof CliError && !(err instanceof ConnectionError)) return err.message;
  return undefined;
}

/**
 * Runs `action` for each image in turn. An HTTP error is one line on stderr and the loop goes on,
 * as glanceclient's does; it exits 0 all the same, the runbook dialect exits 1 when any image
 * failed (as its image-delete does).
 */
export async function forEachImage(
  deps: Deps,
  images: readonly string[],
  words: PerImageWords,
  action: (api: ImageApi, id: string) => Promise<void>,
): Promise<number> {
  const api = await deps.image();
  // glanceclient asks before every call; once is enough to say the same for each image.
  const offered = await api.versions.offers(CACHE_API_VERSION);
  let failed = false;
  for (const image of images) {
    try {
      if (!offered) throw new CacheNotOffered();
      await action(api, await deps.glance.imageId(api.images, image));
    } catch (err) {
      const line = failureLine(err, image, words);
      if (line === undefined) throw err;
      failed = true;
      deps.notice(line);
    }
  }
  return failed && deps.glance.apiVersion === 1 ? 1 : 0;
}

// Paging through GET /v2/images so that every image comes once, in Glance's order, for any sort.
// - Pages are as large as Glance serves (1000, its default api_limit_max; a lower cap gives smaller
//   pages, silently), or --page-size.
// - Each page is asked for with our own query plus marker=<last image>: Glance's `next` link keeps
//   one value per parameter (dict(request.params)), so a second sort key or tag would be lost.
//   Only its path is used (joined and origin-checked by the session), and its presence: more to come.
// - A marker Glance cannot page past (listing-order.ts: NULL, 0 or '' for a nullable sort key) is
//   never sent: the rest comes sorted by the safe keys from the server and by the others here.
// - Bounded: a repeated marker, an empty page that claims more, or MAX_PAGES pages end with one line.
import { CliError } from '../../errors.js';
import type { Query } from '../../session/session.js';
import type { Image, ImagePage } from './images.js';
import { compareImages, decidingTerms, listingOrder, safeMarker, splitOrder } from './listing-order.js';

/** Glance's default api_limit_max: the largest page it serves unless its operator chose otherwise. */
export const LARGEST_PAGE = 1000;

/** The most pages one listing follows: 10 million images at the largest page, 250,000 at Glance's default of 25. */
const MAX_PAGES = 10_000;

export interface ListOptions {
  /** At most this many images (0 or undefined: all). */
  limit?: number;
  /** Images per request (0 or undefined: LARGEST_PAGE). */
  pageSize?: number;
}

export type FetchPage = (path: string, query: Query) => Promise<ImagePage>;

interface Walk {
  fetchPage: FetchPage;
  pageSize: number;
  pages: number;
}

export async function listImages(fetchPage: FetchPage, query: Query, options: ListOptions, visit: (image: Image) => void): Promise<void> {
  const walk: Walk = { fetchPage, pageSize: options.pageSize || LARGEST_PAGE, pages: 0 };
  let wanted = options.limit || Infinity;
  const seen = new Set<string>();
  const emit = (image: Image): void => {
    if (wanted <= 0 || seen.has(image.id)) return;
    seen.add(image.id);
    wanted--;
    visit(image);
  };
  const order = listingOrder(query);
  const deciding = decidingTerms(order);
  const ended = await follow(
    walk,
    query,
    () => wanted,
    (images) => {
      for (const image of images) emit(image);
      return wanted > 0;
    },
    (last) => safeMarker(last, deciding),
  );
  if (ended || wanted <= 0) return;
  const split = splitOrder(order);
  if (!split) throw new Error('an unsafe marker without a nullable sort key'); // safeMarker and splitOrder disagree: a bug here
  const rest: Image[] = [];
  const byServer = { ...withoutSort(query), sort_key: split.server.map((t) => t.key), sort_dir: split.server.map((t) => t.dir) };
  await follow(
    walk,
    byServer,
    () => Infinity,
    (images) => {
      for (const image of images) if (!seen.has(image.id)) rest.push(image);
      return true;
    },
    () => true,
  );
  // Array.prototype.sort is stable: images alike in the local terms keep the server's order.
  rest.sort(compareImages(split.local));
  for (const image of rest) emit(image);
}

/**
 * Pages from the start of `query` until Glance has no more (true), `take` wants no more (true) or
 * the next marker would be unsafe (false).
 */
async function follow(
  walk: Walk,
  query: Query,
  wanted: () => number,
  take: (images: readonly Image[]) => boolean,
  safe: (last: Image) => boolean,
): Promise<boolean> {
  const markers = new Set<string>();
  let path = '/v2/images';
  let marker: string | undefined;
  for (let page = 1; ; page++) {
    if (walk.pages >= MAX_PAGES)
      throw new CliError(`Glance's listing goes on past ${MAX_PAGES} pages: listing stopped (narrow it with filters, or raise --page-size).`);
    walk.pages++;
    const limit = Math.min(walk.pageSize, wanted());
    const answer = await walk.fetchPage(path, marker === undefined ? { ...query, limit } : { ...query, limit, marker });
    if (!take(answer.images) || answer.next === undefined) return true;
    const last = answer.images.at(-1);
    if (last === undefined) throw new CliError(`Glance returned an empty page with a next link (page ${page}): listing stopped.`);
    if (!safe(last)) return false;
    if (markers.has(last.id)) throw new CliError(`Glance's page ${page} ends with an image already sent as a marker (${last.id}): listing stopped.`);
    markers.add(last.id);
    marker = last.id;
    path = answer.next.split('?')[0] ?? path;
  }
}

function withoutSort(query: Query): Query {
  const { sort: _sort, sort_key: _keys, sort_dir: _dirs, ...rest } = query;
  return rest;
}

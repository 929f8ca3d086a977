// Glance's paged listings (images, tasks): every page, following `next` links (joined below the
// endpoint, on its origin only: see session/links.ts). A server that loops (a marker again, an
// empty page that still has a next) or never ends (more than MAX_PAGES) stops the listing with one line.
import { fieldPath, list, obj, optional, str, type Guard } from '../../http/decode.js';
import { CliError } from '../../errors.js';
import type { Query, Session } from '../../session/session.js';

/** The most pages one listing follows: 250,000 images at Glance's default page size (25). */
const MAX_PAGES = 10_000;

interface Page<T> {
  items: T[];
  next?: string;
}

function pageGuard<T>(key: string, item: Guard<T>): Guard<Page<T>> {
  const items = list(item);
  const next = optional(str);
  return (value, at) => {
    const body = obj(value, at);
    return { items: items(body[key], fieldPath(at, key)), next: next(body.next, fieldPath(at, 'next')) };
  };
}

/** All items under `key` of GET `path` and its next pages, up to `limit` items. */
export async function allPages<T>(session: Session, path: string, key: string, item: Guard<T>, query: Query = {}, limit?: number): Promise<T[]> {
  const guard = pageGuard(key, item);
  const items: T[] = [];
  const markers = new Set<string>(typeof query.marker === 'string' ? [query.marker] : []);
  let page = await session.json('image', { method: 'GET', path, query }, guard);
  for (let pages = 1; ; pages++) {
    items.push(...page.items);
    if (limit !== undefined && items.length >= limit) return items.slice(0, limit);
    if (page.next === undefined) return items;
    if (page.items.length === 0) throw new CliError(`Glance returned an empty page with a next link (page ${pages}): listing stopped.`);
    // A link without a marker is its own key: the same link twice is a loop too.
    const marker = new URLSearchParams(page.next.split('?')[1] ?? '').get('marker') ?? page.next;
    if (markers.has(marker)) throw new CliError(`Glance's next link on page ${pages} repeats an earlier marker: listing stopped.`);
    if (pages >= MAX_PAGES)
      throw new CliError(`Glance's listing goes on past ${MAX_PAGES} pages: listing stopped (narrow it with filters, or raise --page-size).`);
    markers.add(marker);
    page = await session.json('image', { method: 'GET', path: page.next }, guard);
  }
}

// How Glance orders an image listing, worked out from the query we send it, and where its paging
// by marker can be trusted. Glance (api/v2/images.py _get_sorting_params, db/sqlalchemy/api.py
// image_get_all/_paginate_query) sorts by the given keys, then created_at and id; a single direction
// applies to every key (the two it adds too), several go key by key and the added keys get desc.
//
// The page after a marker holds the rows "after" it by a filter that maps NULL to the column's
// default (0, '') on both sides, and a NULL marker value to '' even for size (an integer: SQLite
// then finds no row bigger, or every row smaller). So a marker whose value for a nullable key is
// NULL, 0 or '' gives an empty, repeating or short next page; any other marker is exact, as ORDER BY
// puts NULL lowest (SQLite, MySQL) and so do the filter's defaults.
import type { Query } from '../../session/session.js';

export type SortDir = 'asc' | 'desc';

export interface SortTerm {
  key: string;
  dir: SortDir;
}

/** Keys no image has NULL for. */
const NEVER_NULL = new Set(['id', 'status', 'created_at', 'updated_at']);
/** Keys no two images share: id; timestamps, which Glance stores to the microsecond. */
const DECISIVE = new Set(['id', 'created_at', 'updated_at']);

const values = (value: Query[string]): string[] => (value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);
const direction = (text: string | undefined, fallback: SortDir): SortDir => (text === 'asc' || text === 'desc' ? text : fallback);

/** The terms Glance sorts by for this query (`sort=k:d,…` or repeated sort_key/sort_dir). */
export function listingOrder(query: Query): SortTerm[] {
  const keys: string[] = [];
  let dirs: SortDir[] = [];
  if (typeof query.sort === 'string') {
    for (const part of query.sort.split(',')) {
      const [key = '', dir] = part.split(':');
      keys.push(key.trim());
      dirs.push(direction(dir?.trim(), 'desc'));
    }
  } else {
    keys.push(...values(query.sort_key));
    dirs = values(query.sort_dir).map((d) => direction(d, 'desc'));
  }
  if (keys.length === 0) keys.push('created_at');
  if (dirs.length === 0) dirs.push('desc');
  const added: SortDir = dirs.length === 1 ? dirs[0]! : 'desc';
  const terms = keys.map((key, i): SortTerm => ({ key, dir: dirs.length === 1 ? added : (dirs[i] ?? added) }));
  for (const key of ['created_at', 'id']) if (!keys.includes(key)) terms.push({ key, dir: added });
  return terms;
}

/** The terms up to the first decisive key: those after it never decide between two images. */
export function decidingTerms(order: readonly SortTerm[]): SortTerm[] {
  const end = order.findIndex((term) => DECISIVE.has(term.key));
  return order.slice(0, end + 1);
}

/** Whether Glance pages exactly after this image as marker (see the top of this file). */
export function safeMarker(image: Readonly<Record<string, unknown>>, deciding: readonly SortTerm[]): boolean {
  return deciding.every((term) => NEVER_NULL.has(term.key) || Boolean(image[term.key]));
}

/**
 * Another way to the same order when a marker is unsafe: the server sorts by the terms after the
 * last nullable deciding key (their markers are always safe), and a stable sort here by the terms
 * up to it finishes the job. Undefined when no deciding key is nullable (every marker is safe).
 */
export function splitOrder(order: readonly SortTerm[]): { local: SortTerm[]; server: SortTerm[] } | undefined {
  const deciding = decidingTerms(order);
  let last = -1;
  deciding.forEach((term, i) => {
    if (!NEVER_NULL.has(term.key)) last = i;
  });
  if (last < 0) return undefined;
  return { local: deciding.slice(0, last + 1), server: deciding.slice(last + 1) };
}

/** ORDER BY as SQLite compares: NULL lowest, numbers before text, text by code point (BINARY collation). */
export function compareImages(terms: readonly SortTerm[]): (a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>) => number {
  return (a, b) => {
    for (const { key, dir } of terms) {
      const order = compareValues(a[key], b[key]);
      if (order !== 0) return dir === 'asc' ? order : -order;
    }
    return 0;
  };
}

const rank = (value: unknown): number => (value === null || value === undefined ? 0 : typeof value === 'number' ? 1 : 2);

function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb || ra === 0) return ra - rb;
  if (ra === 1) return (a as number) - (b as number);
  return compareCodePoints(String(a), String(b));
}

/** UTF-8 byte order (SQLite's BINARY collation), which UTF-16 order breaks for characters above U+FFFF. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return utf8Weight(x) - utf8Weight(y);
  }
  return a.length - b.length;
}

/** Surrogates (code points above U+FFFF) sort after U+E000–U+FFFF in UTF-8. */
const utf8Weight = (unit: number): number => (unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit);

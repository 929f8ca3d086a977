// GET /v2/images as Glance 25.1 answers it on SQLite, transcribed from its Python (not from our
// listing-order.ts), for unit tests of our paging: the sort keys and directions it derives
// (api/v2/images.py _get_sorting_params, db/sqlalchemy/api.py image_get_all), ORDER BY with SQLite's
// comparisons, the marker filter of _paginate_query with its NULL defaults (a NULL marker value
// becomes '', even for size), the limit cap (api_limit_max) and the next link built from
// dict(request.params), which keeps one value per parameter.
import type { HttpRequest } from '../../src/http/transport.js';
import type { Canned } from './scripted-transport.js';

export type Row = Record<string, unknown> & { id: string };

const DEFAULTS: Record<string, unknown> = { size: 0, name: '', disk_format: '', container_format: '', status: '', id: '' };

/** SQLite: NULL < numbers < text; text by UTF-8 bytes. */
export function sqliteCompare(a: unknown, b: unknown): number {
  const rank = (v: unknown): number => (v === null || v === undefined ? 0 : typeof v === 'number' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (rank(a) === 0) return 0;
  if (typeof a === 'number') return a - (b as number);
  return Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b)));
}

export interface Sorting {
  keys: string[];
  dirs: Array<'asc' | 'desc'>;
}

/** The keys and directions image_get_all sorts by, from the request's parameters. */
export function sortingOf(params: URLSearchParams): Sorting {
  let keys: string[] = [];
  let dirs: Array<'asc' | 'desc'> = [];
  const sort = params.get('sort');
  if (sort !== null) {
    for (const part of sort.split(',')) {
      const [key, dir] = part.split(':');
      keys.push(key!.trim());
      dirs.push((dir?.trim() || 'desc') as 'asc' | 'desc');
    }
  } else {
    keys = params.getAll('sort_key');
    dirs = params.getAll('sort_dir') as Array<'asc' | 'desc'>;
  }
  if (keys.length === 0) keys = ['created_at'];
  if (dirs.length === 0) dirs = ['desc'];
  let fallback: 'asc' | 'desc' = 'desc';
  if (dirs.length === 1) {
    fallback = dirs[0]!;
    dirs = keys.map(() => fallback);
  }
  for (const key of ['created_at', 'id']) {
    if (!keys.includes(key)) {
      keys.push(key);
      dirs.push(fallback);
    }
  }
  return { keys, dirs };
}

/** ORDER BY key1 dir1, key2 dir2, … */
export function orderBy(rows: readonly Row[], { keys, dirs }: Sorting): Row[] {
  return [...rows].sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const c = sqliteCompare(a[keys[i]!], b[keys[i]!]);
      if (c !== 0) return dirs[i] === 'asc' ? c : -c;
    }
    return 0;
  });
}

/** _paginate_query's filter: CASE WHEN col IS NOT NULL THEN col ELSE default END against the marker's values (NULL → ''). */
function after(row: Row, marker: Row, { keys, dirs }: Sorting): boolean {
  const value = (r: Row, key: string): unknown => r[key] ?? DEFAULTS[key] ?? null;
  const markerValue = (key: string): unknown => marker[key] ?? '';
  const equal = (key: string): boolean => sqliteCompare(value(row, key), markerValue(key)) === 0;
  return keys.some((key, i) => {
    for (let j = 0; j < i; j++) if (!equal(keys[j]!)) return false;
    const c = sqliteCompare(value(row, key), markerValue(key));
    return dirs[i] === 'desc' ? c < 0 : c > 0;
  });
}

export interface ListingModel {
  rows: Row[];
  /** api_limit_max (Glance's default: 1000). */
  cap?: number;
  /** limit_param_default (Glance's default: 25). */
  defaultLimit?: number;
}

/** One answer of GET /v2/images. */
export function answerListing(model: ListingModel, req: HttpRequest): Canned {
  const url = new URL(req.url);
  const params = url.searchParams;
  const sorting = sortingOf(params);
  const limit = Math.min(Number(params.get('limit') ?? model.defaultLimit ?? 25), model.cap ?? 1000);
  let rows = orderBy(model.rows, sorting);
  const markerId = params.get('marker');
  if (markerId !== null) {
    const marker = model.rows.find((r) => r.id === markerId);
    if (!marker) return { status: 400, body: { message: `marker ${markerId} not found` } };
    rows = rows.filter((row) => after(row, marker, sorting));
  }
  const page = rows.slice(0, limit);
  const body: Record<string, unknown> = { images: page, first: '/v2/images' };
  if (page.length > 0 && page.length === limit) {
    // dict(request.params): the last value of each parameter, marker replaced.
    const once = new Map<string, string>();
    for (const [k, v] of params) once.set(k, v);
    once.delete('marker');
    once.set('marker', page.at(-1)!.id);
    body.next = `/v2/images?${new URLSearchParams([...once]).toString()}`;
  }
  return { body };
}

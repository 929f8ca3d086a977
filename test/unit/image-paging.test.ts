// Paging through GET /v2/images (src/api/image/image-pages.ts): a real Session (token mode) over a
// scripted transport. Most tests answer as Glance on SQLite does (test/helpers/glance-listing-model.ts,
// transcribed from Glance's Python), including its faults: no page after a marker whose size is
// NULL, every row again after one in desc order, next links that keep one sort key; the listing
// must still hold every image once, in Glance's ORDER BY order. Others misbehave on purpose.
import { describe, expect, it } from 'vitest';
import { ImagesApi } from '../../src/api/image/images.js';
import type { Credentials } from '../../src/config/credentials.js';
import type { HttpRequest } from '../../src/http/transport.js';
import { Session, type Query } from '../../src/session/session.js';
import { GOOD_IMAGE } from '../helpers/fake-cloud.js';
import { answerListing, type ListingModel, orderBy, type Row, sortingOf } from '../helpers/glance-listing-model.js';
import { scriptedTransport } from '../helpers/scripted-transport.js';

const credentials: Credentials = {
  authType: 'admin_token',
  token: 't',
  imageUrl: 'http://gl:9292/image',
  interface: 'public',
  insecure: false,
  timeoutSeconds: 5,
  cache: false,
  forceNewToken: false,
};

/** 60 images: a third without data (size NULL, some formats NULL), some of size 0, names NULL, '' or shared. */
function images(count = 60): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    ...GOOD_IMAGE,
    id: `${(i * 7919) % 1000}`.padStart(3, '0') + `-${i}`,
    name: i % 5 === 0 ? null : i % 7 === 0 ? '' : `img-${i % 4}`,
    size: i % 3 === 0 ? null : i % 4,
    disk_format: i % 6 === 0 ? null : i % 2 ? 'raw' : 'qcow2',
    container_format: i % 6 === 0 ? null : 'bare',
    status: i % 3 === 0 ? 'queued' : 'active',
    // Distinct, as Glance's microseconds are; not in id order.
    created_at: `2030-01-01T00:00:${String((i * 37) % 60).padStart(2, '0')}Z`,
    updated_at: `2030-01-02T00:00:${String((i * 11) % 60).padStart(2, '0')}Z`,
  }));
}

function glance(model: ListingModel) {
  const asked: URL[] = [];
  const transport = scriptedTransport((req: HttpRequest) => {
    asked.push(new URL(req.url));
    return answerListing(model, req);
  });
  return { api: new ImagesApi(new Session(credentials, transport)), asked };
}

/** The order Glance's ORDER BY gives for this query: what a listing of every page should print. */
function expected(model: ListingModel, query: Query): string[] {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, String(one));
  return orderBy(model.rows, sortingOf(params)).map((r) => r.id);
}

const SORTS: Array<[string, Query]> = [
  ['size asc', { sort_key: ['size'], sort_dir: ['asc'] }],
  ['size desc', { sort_key: ['size'], sort_dir: ['desc'] }],
  ['size (no direction: desc)', { sort_key: ['size'] }],
  ['name asc (NULL and empty names)', { sort_key: ['name'], sort_dir: ['asc'] }],
  ['disk_format desc', { sort_key: ['disk_format'], sort_dir: ['desc'] }],
  ['name desc, id asc', { sort_key: ['name', 'id'], sort_dir: ['desc', 'asc'] }],
  ['status asc, size desc', { sort_key: ['status', 'size'], sort_dir: ['asc', 'desc'] }],
  ['name asc, size asc (NULL size in the second key)', { sort_key: ['name', 'size'], sort_dir: ['asc'] }],
  ['sort=container_format:asc,size', { sort: 'container_format:asc,size' }],
  ['created_at asc, size asc (decided by created_at)', { sort_key: ['created_at', 'size'], sort_dir: ['asc'] }],
  ['no sort (created_at desc)', {}],
];

describe('image listing in Glance order', () => {
  for (const [title, query] of SORTS) {
    for (const pageSize of [7, 25, undefined]) {
      it(`${title}, pages of ${pageSize ?? 'the default (1000)'}: every image once, in order`, async () => {
        const model = { rows: images() };
        const { api } = glance(model);
        const ids = (await api.list(query, { pageSize })).map((i) => i.id);
        expect(ids).toEqual(expected(model, query));
      });
    }
  }

  it('with --limit: the first N of that order, and no page asks for more than is left', async () => {
    const model = { rows: images() };
    const { api, asked } = glance(model);
    const query = { sort_key: ['size'], sort_dir: ['asc'] };
    const ids = (await api.list(query, { pageSize: 7, limit: 30 })).map((i) => i.id);
    expect(ids).toEqual(expected(model, query).slice(0, 30));
    expect(asked[0]?.searchParams.get('limit')).toBe('7');
  });

  it('each page request carries every sort key and tag, not the one the next link kept', async () => {
    // Named images: no marker is unsafe, so every request is one of the listing's own pages.
    const model = { rows: images().map((row, i) => ({ ...row, name: `img-${i % 4}` })) };
    const { api, asked } = glance(model);
    await api.list({ tag: ['a', 'b'], sort_key: ['name', 'id'], sort_dir: ['desc', 'asc'] }, { pageSize: 10 });
    expect(asked.length).toBeGreaterThan(1);
    for (const url of asked) {
      expect(url.searchParams.getAll('sort_key')).toEqual(['name', 'id']);
      expect(url.searchParams.getAll('sort_dir')).toEqual(['desc', 'asc']);
      expect(url.searchParams.getAll('tag')).toEqual(['a', 'b']);
    }
  });

  it('a marker Glance cannot page past is never sent', async () => {
    const model = { rows: images() };
    const { api, asked } = glance(model);
    await api.list({ sort_key: ['size'], sort_dir: ['asc'] }, { pageSize: 7 });
    const byId = new Map(model.rows.map((r) => [r.id, r]));
    const bySize = asked.filter((url) => url.searchParams.getAll('sort_key').includes('size') && url.searchParams.has('marker'));
    const byOthers = asked.filter((url) => !url.searchParams.getAll('sort_key').includes('size'));
    expect(bySize.length + byOthers.length).toBeGreaterThan(0);
    for (const url of bySize) expect(byId.get(url.searchParams.get('marker')!)?.size).toBeTruthy();
  });
});

describe('page size', () => {
  it('asks for 1000 (Glance’s largest) and takes the smaller pages a lower cap gives: ceil(N / cap) requests', async () => {
    const model = { rows: images(95), cap: 10 };
    const { api, asked } = glance(model);
    const ids = (await api.list({})).map((i) => i.id);
    expect(ids).toEqual(expected(model, {}));
    expect(asked.map((u) => u.searchParams.get('limit'))).toEqual(Array(10).fill('1000'));
  });

  it('--page-size N asks for N; 0 means not given (1000), as in glanceclient', async () => {
    const model = { rows: images(30) };
    const seven = glance(model);
    await seven.api.list({}, { pageSize: 7 });
    expect(seven.asked.map((u) => u.searchParams.get('limit'))).toEqual(['7', '7', '7', '7', '7']);
    const zero = glance(model);
    expect(await zero.api.list({}, { pageSize: 0, limit: 0 })).toHaveLength(30);
    expect(zero.asked.map((u) => u.searchParams.get('limit'))).toEqual(['1000']);
  });
});

describe('a server that misbehaves', () => {
  it('stops after 10,000 pages of fresh markers', async () => {
    let page = 0;
    const transport = scriptedTransport(() => ({ body: { images: [{ ...GOOD_IMAGE, id: `m${page++}` }], next: '/v2/images?marker=x' } }));
    await expect(new ImagesApi(new Session(credentials, transport)).list()).rejects.toThrow(
      "Glance's listing goes on past 10000 pages: listing stopped (narrow it with filters, or raise --page-size).",
    );
    expect(transport.asked).toHaveLength(10_000);
  });

  it('stops when a page ends where an earlier one did (the same page again)', async () => {
    const transport = scriptedTransport(() => ({ body: { images: [GOOD_IMAGE], next: '/v2/images?marker=start' } }));
    await expect(new ImagesApi(new Session(credentials, transport)).list()).rejects.toThrow(
      `Glance's page 2 ends with an image already sent as a marker (${GOOD_IMAGE.id}): listing stopped.`,
    );
    expect(transport.asked).toHaveLength(2);
  });

  it('stops on an empty page that has a next link', async () => {
    const transport = scriptedTransport(() => ({ body: { images: [], next: '/v2/images?marker=x' } }));
    await expect(new ImagesApi(new Session(credentials, transport)).list()).rejects.toThrow(
      'Glance returned an empty page with a next link (page 1): listing stopped.',
    );
  });

  it('an image a page repeats is listed once', async () => {
    const a = { ...GOOD_IMAGE, id: 'a' };
    const b = { ...GOOD_IMAGE, id: 'b' };
    const transport = scriptedTransport((req) =>
      new URL(req.url).searchParams.has('marker') ? { body: { images: [a, b] } } : { body: { images: [a], next: '/v2/images?marker=a' } },
    );
    expect((await new ImagesApi(new Session(credentials, transport)).list({ sort_key: ['id'] })).map((i) => i.id)).toEqual(['a', 'b']);
  });
});

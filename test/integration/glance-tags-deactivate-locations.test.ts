// image-tag-update/delete, image-deactivate/reactivate and location-add/update/delete on the
// real cloud, each checked by its output and by what the server then holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Image } from '../../src/api/image/images.js';
import { gridRows } from '../helpers/cli.js';
import { imageFactory, ours, reference, serveFiles, suffix, type DataServer } from './glance-v2-commands-fixtures.js';

const images = imageFactory();
const DATA = Buffer.alloc(4096, 42);
let server: DataServer;
let active: Image;

beforeAll(async () => {
  server = await serveFiles({ '/disk.raw': DATA, '/copy.raw': DATA });
  active = await images.create({ name: `c2-life-${suffix()}`, disk_format: 'raw', container_format: 'bare' });
  const session = await images.deps.session();
  const res = await session.request('image', {
    method: 'PUT',
    path: `/v2/images/${active.id}/file`,
    body: DATA,
    headers: { 'Content-Type': 'application/octet-stream' },
  });
  await res.body.dump();
});

afterAll(async () => {
  await images.cleanup();
  await server?.close();
});

describe('tags', () => {
  it('image-tag-update adds the tag and prints ID | Tags as glanceclient does', async () => {
    const r = await ours(['image-tag-update', active.id, "it's"]);
    expect(r.code).toBe(0);
    expect(gridRows(r.stdout)).toEqual([
      ['ID', 'Tags'],
      [active.id, `["it's"]`],
    ]);
    expect((await images.get(active.id)).tags).toEqual(["it's"]);
    const expected = await reference(['image-tag-update', active.id, 'golden']);
    const again = await ours(['image-tag-update', active.id, 'golden']);
    expect(again).toEqual(expected);
    expect((await images.get(active.id)).tags.sort()).toEqual(['golden', "it's"]);
  });

  it('image-tag-delete removes it; deleting a missing tag is the server 404, exit 1', async () => {
    const r = await ours(['image-tag-delete', active.id, 'golden']);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await images.get(active.id)).tags).toEqual(["it's"]);
    const missing = await ours(['image-tag-delete', active.id, 'golden']);
    expect(missing).toEqual(await reference(['image-tag-delete', active.id, 'golden']));
    expect(missing.code).toBe(1);
  });
});

describe('deactivate and reactivate', () => {
  it('image-deactivate shows as status deactivated in image-show; image-reactivate brings it back', async () => {
    const off = await ours(['image-deactivate', active.id]);
    expect(off).toEqual({ code: 0, stdout: '', stderr: '' });
    const shown = await ours(['image-show', active.id]);
    expect(gridRows(shown.stdout)).toContainEqual(['status', 'deactivated']);
    const on = await ours(['image-reactivate', active.name!], 1);
    expect(on).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(gridRows((await ours(['image-show', active.id])).stdout)).toContainEqual(['status', 'active']);
  });

  it('an unknown image is the server 404 in the v2 dialect and the classic message in the runbook one', async () => {
    const id = '00000000-0000-0000-0000-000000000000';
    expect(await ours(['image-deactivate', id])).toEqual(await reference(['image-deactivate', id]));
    const classic = await ours(['image-reactivate', `no-such-${suffix()}`], 1);
    expect(classic.code).toBe(1);
    expect(classic.stderr).toMatch(/^No image with a name or ID of 'no-such-[0-9a-f]+' exists\.\n$/);
  });
});

/** updated_at moves with every call: two clients one second apart print different values. */
const sameSecond = (r: { code: number | null; stdout: string; stderr: string }) => ({
  ...r,
  stdout: r.stdout.replace(/(\| updated_at +\| )\S+/, '$1<time>'),
});

type Location = { url: string; metadata: Record<string, unknown> };
const locationsOf = async (id: string): Promise<Location[]> => (await images.get(id)).locations as Location[];

describe('locations', () => {
  let image: Image;
  /** The image's locations on the test's web server, without the "store" a multi-store Glance adds to their metadata. */
  async function webLocations(): Promise<{ url: string; metadata: Record<string, unknown> }[]> {
    return (await locationsOf(image.id))
      .filter((l) => l.url.startsWith(server.url('/')))
      .map(({ url, metadata: { store: _store, ...metadata } }) => ({ url, metadata }));
  }
  beforeAll(async () => {
    image = await images.create({ name: `c2-loc-${suffix()}`, disk_format: 'raw', container_format: 'bare' });
  });

  it('location-add with a URL served on 127.0.0.1 makes the image active and prints the image as print_dict', async () => {
    const url = server.url('/disk.raw');
    const r = await ours(['location-add', image.id, '--url', url, '--metadata', '{"origin": "test"}']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = gridRows(r.stdout);
    expect(rows[0]).toEqual(['Property', 'Value']);
    expect(r.stdout).toContain(url);
    expect(rows).toContainEqual(['file', `/v2/images/${image.id}/file`]);
    const names = rows
      .slice(1)
      .map(([name]) => name)
      .filter((n) => n !== '');
    expect(names).toEqual([...names].sort());
    const stored = await images.get(image.id);
    expect(stored.status).toBe('active');
    expect(stored.size).toBe(DATA.length);
    expect(await webLocations()).toEqual([{ url, metadata: { origin: 'test' } }]);
  });

  it('the record is the one glanceclient prints for the same image', async () => {
    const url = server.url('/disk.raw');
    const expected = await reference(['location-update', image.id, '--url', url, '--metadata', '{"origin": "test"}']);
    expect(expected.code).toBe(0);
    const got = await ours(['location-update', image.id, '--url', url, '--metadata', '{"origin": "test"}']);
    expect(sameSecond(got)).toEqual(sameSecond(expected));
  });

  it('location-update replaces the metadata; an empty object warns first, as glanceclient did', async () => {
    const url = server.url('/disk.raw');
    const r = await ours(['location-update', image.id, '--url', url, '--metadata', '{"zone": "b"}']);
    expect(r.code).toBe(0);
    expect(await webLocations()).toEqual([{ url, metadata: { zone: 'b' } }]);
    const empty = await ours(['location-update', image.id, '--url', url]);
    expect(empty.stdout.startsWith("WARNING -- The location's metadata will be updated to an empty JSON object.\n+")).toBe(true);
    expect(await webLocations()).toEqual([{ url, metadata: {} }]);
  });

  it('refusals and bad input are one line, as glanceclient words them', async () => {
    const url = server.url('/disk.raw');
    for (const args of [
      ['location-add', image.id, '--url', url], // already there
      ['location-add', image.id, '--url', server.url('/x'), '--metadata', 'nope'],
      ['location-add', image.id, '--url', 'http://example.com/disk.raw'], // host not allowed
      ['location-delete', image.id, '--url', server.url('/nope')],
      ['location-update', image.id, '--url', server.url('/nope'), '--metadata', '{"a": 1}'],
      ['location-add', image.id],
    ]) {
      const expected = await reference(args);
      const r = await ours(args);
      expect(expected.code, args.join(' ')).not.toBe(0);
      expect(r, args.join(' ')).toEqual(expected);
    }
  });

  it('location-delete removes a location; the last one the server keeps (403, as glanceclient prints it)', async () => {
    const first = server.url('/disk.raw');
    const second = server.url('/copy.raw');
    await (await images.deps.image()).locations.add(image.id, second);
    expect(await webLocations()).toHaveLength(2);
    const r = await ours(['location-delete', image.id, '--url', first]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await webLocations()).toEqual([{ url: second, metadata: {} }]);
    // A multi-store Glance may also hold a copy in its default store: the last location is whichever remains.
    const remaining = (await locationsOf(image.id)).map((l) => l.url);
    for (const extra of remaining.slice(1)) expect((await ours(['location-delete', image.id, '--url', extra])).code).toBe(0);
    const last = await ours(['location-delete', image.id, '--url', remaining[0]!]);
    expect(last.code).toBe(1);
    expect(last).toEqual(await reference(['location-delete', image.id, '--url', remaining[0]!]));
    expect((await locationsOf(image.id)).map((l) => l.url)).toEqual([remaining[0]]);
  });
});

// glance image-tasks on the real cloud, byte for byte with python-glanceclient 4.1.0 in both
// dialects, through a proxy that rewrites /versions (everything else passes through to the real
// Glance): without v2.12 both clients refuse; with it added, they list the image's tasks. The
// tests so hold whether or not the cloud itself offers v2.12.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultProxy } from '../helpers/fault-proxy.js';
import { gridRows } from '../helpers/cli.js';
import { imageFactory, ours, reference, serveFiles, suffix, waitForStatus, type DataServer } from './glance-v2-commands-fixtures.js';

const images = imageFactory();
const DATA = Buffer.from(Array.from({ length: 20_000 }, (_, i) => i % 241));
let server: DataServer;
let proxy: FaultProxy;
let imageId: string;

beforeAll(async () => {
  server = await serveFiles({ '/tasks.raw': DATA });
  proxy = await FaultProxy.start('http://127.0.0.1:9292');
  const image = await images.create({ name: `c2-tasks-${suffix()}`, disk_format: 'raw', container_format: 'bare' });
  imageId = image.id;
  await (await images.deps.image()).imports.start(image.id, { method: 'web-download', uri: server.url('/tasks.raw') });
  expect((await waitForStatus(() => images.get(image.id), 'active')).status).toBe('active');
});

afterAll(async () => {
  await images.cleanup();
  await server?.close();
  await proxy?.close();
});

/** The real /versions without v2.12. */
async function versionsWithoutTasks(): Promise<string> {
  const body = (await (await fetch('http://127.0.0.1:9292/versions')).json()) as { versions: Array<{ id: string }> };
  return JSON.stringify({ versions: body.versions.filter((version) => version.id !== 'v2.12') });
}

/** The real /versions, with v2.12 added as SUPPORTED (a first entry for it wins, as glanceclient reads the list). */
async function versionsWithTasks(): Promise<string> {
  const res = await fetch('http://127.0.0.1:9292/versions');
  const body = (await res.json()) as { versions: Array<Record<string, unknown>> };
  const links = body.versions[0]!.links;
  body.versions.unshift({ id: 'v2.12', status: 'SUPPORTED', links });
  return JSON.stringify(body);
}

describe('image-tasks', () => {
  it('without v2.12 in /versions: both dialects print what glanceclient prints', async () => {
    proxy.reset().add({ method: 'GET', path: '/versions', action: { kind: 'status', status: 200, body: await versionsWithoutTasks() } });
    const via = ['--os-image-url', proxy.url];
    for (const args of [
      [...via, 'image-tasks', imageId],
      [...via, '-v', 'image-tasks', imageId],
      [...via, 'image-tasks', `missing-${suffix()}`],
    ]) {
      const expected = await reference(args);
      expect(expected.code).toBe(1);
      expect(expected.stderr).toBe('Server does not support image tasks API (v2.12)\n');
      for (const dialect of [2, 1] as const) expect(await ours(args, dialect)).toEqual(expected);
    }
  });

  it('with v2.12 offered: the web-download task is listed, plain and -v, byte-identical in both dialects', async () => {
    proxy.reset().add({ method: 'GET', path: '/versions', action: { kind: 'status', status: 200, body: await versionsWithTasks() } });
    const via = ['--os-image-url', proxy.url];
    for (const verbose of [[], ['-v']]) {
      const args = [...via, ...verbose, 'image-tasks', imageId];
      const expected = await reference(args);
      expect(expected.stderr).toBe('');
      expect(expected.code).toBe(0);
      const rows = gridRows(expected.stdout);
      expect(rows).toHaveLength(2); // header + the one import task
      expect(rows[1]).toContain('success');
      if (verbose.length) {
        expect(rows[1]![0]).toBe(imageId);
        expect(expected.stdout).toContain(`'web-download'`);
        expect(expected.stdout).toContain(server.url('/tasks.raw'));
      }
      for (const dialect of [2, 1] as const) expect(await ours(args, dialect)).toEqual(expected);
    }
    expect(proxy.requests.some((r) => r.path === `/v2/images/${imageId}/tasks` && r.status === 200)).toBe(true);
  });

  it('several tasks print in the order the server gives them, as glanceclient prints them', async () => {
    const task = (id: string, created: string, status: string) => ({
      id,
      image_id: imageId,
      type: 'api_image_import',
      status,
      message: `${status} message`,
      created_at: created,
      updated_at: created,
      input: { import_req: { method: { name: 'web-download' } } },
      result: null,
      owner: 'o',
      user_id: 'u',
      request_id: `req-${id}`,
      expires_at: null,
    });
    // Newest first: a client that sorted by creation time would print them the other way round.
    const tasks = [task('t-newer', '2026-11-26T10:00:02.000000', 'failure'), task('t-older', '2026-11-26T10:00:01.000000', 'success')];
    proxy.reset().add({ method: 'GET', path: '/versions', action: { kind: 'status', status: 200, body: await versionsWithTasks() } });
    proxy.add({ method: 'GET', path: `/v2/images/${imageId}/tasks`, action: { kind: 'status', status: 200, body: JSON.stringify({ tasks }) } });
    for (const verbose of [[], ['-v']]) {
      const args = ['--os-image-url', proxy.url, ...verbose, 'image-tasks', imageId];
      const expected = await reference(args);
      expect(expected.code).toBe(0);
      expect(
        gridRows(expected.stdout)
          .slice(1)
          .map((row) => row.find((cell) => /message$/.test(cell))),
      ).toEqual(['failure message', 'success message']);
      expect(await ours(args, 2)).toEqual(expected);
    }
  });

  it('with v2.12 offered, an unknown image: "Image <id> not found.", exit 1, as glanceclient', async () => {
    const args = ['--os-image-url', proxy.url, 'image-tasks', `missing-${suffix()}`];
    const expected = await reference(args);
    expect(expected.code).toBe(1);
    expect(expected.stderr).toMatch(/^Image missing-\w+ not found\.\n$/);
    expect(await ours(args, 2)).toEqual(expected);
  });
});

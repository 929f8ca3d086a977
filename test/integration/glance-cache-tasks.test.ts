// cache-*, task-*, usage and explain on the real cloud, byte for byte with python-glanceclient 4.1.0
// (stdout, stderr, exit code), and in the runbook dialect. The cloud's image cache and its API
// (v2.14) are on; the cache is shared, so only images made here are queued, cached or deleted, and
// the whole-cache clears are few. A proxy in front of Glance fakes what this cloud does not do
// (queued entries, quotas, 403s, a Glance without v2.14); both clients go through it alike.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Image } from '../../src/api/image/images.js';
import type { CliResult } from '../helpers/cli.js';
import { gridRows } from '../helpers/cli.js';
import { FaultProxy } from '../helpers/fault-proxy.js';
import { imageFactory, ours, reference, serveFiles, suffix, type DataServer } from './glance-v2-commands-fixtures.js';
import { randomFile } from './glance-helpers.js';

/** glanceclient takes seconds a run on a busy machine, and most tests run it several times. */
const SLOW = 300_000;

const images = imageFactory();
const DATA = Buffer.from(Array.from({ length: 5_000 }, (_, i) => (i * 7) % 251));
const WORK = mkdtempSync(join(tmpdir(), 'glance-cache-'));
let server: DataServer;
let proxy: FaultProxy;
let image: Image;
/** Images the legacy import tasks made (their task results name them). */
const imported: string[] = [];

async function uploaded(name: string): Promise<Image> {
  const made = await images.create({ name, disk_format: 'raw', container_format: 'bare' });
  const res = await ours(['image-upload', made.id, '--file', randomFile(3_000)]);
  expect(res.code, res.stderr).toBe(0);
  return made;
}

async function cachedIds(): Promise<string[]> {
  const state = await (await images.deps.image()).cache.list();
  return (state.cached_images as Array<{ image_id: string }>).map((c) => c.image_id);
}

/** Reads the image through Glance (the cache middleware keeps it) and waits until the cache lists it. */
async function cache(id: string): Promise<void> {
  const res = await ours(['image-download', id, '--file', join(WORK, `${suffix()}.raw`)]);
  expect(res.code, res.stderr).toBe(0);
  for (let i = 0; i < 50 && !(await cachedIds()).includes(id); i++) await new Promise((r) => setTimeout(r, 200));
  expect(await cachedIds()).toContain(id);
}

/**
 * Both clients, compared whole. Other developers' downloads can change the shared cache between the
 * two runs, so a listing that differs is taken again (twice at most) before the comparison counts.
 */
async function sameListing(args: string[], dialect: 1 | 2 = 2): Promise<CliResult> {
  let expected = await reference(args);
  let actual = await ours(args, dialect);
  for (let retry = 0; retry < 2 && JSON.stringify(actual) !== JSON.stringify(expected); retry++) {
    expected = await reference(args);
    actual = await ours(args, dialect);
  }
  expect(actual).toEqual(expected);
  return expected;
}

async function same(args: string[], dialects: ReadonlyArray<1 | 2> = [2]): Promise<CliResult> {
  const expected = await reference(args);
  for (const dialect of dialects) expect(await ours(args, dialect)).toEqual(expected);
  return expected;
}

/** The real /versions body with one version left out. */
async function versionsWithout(id: string): Promise<string> {
  const body = (await (await fetch('http://127.0.0.1:9292/versions')).json()) as { versions: Array<{ id: string }> };
  return JSON.stringify({ versions: body.versions.filter((v) => v.id !== id) });
}

beforeAll(async () => {
  server = await serveFiles({ '/task.raw': DATA });
  proxy = await FaultProxy.start('http://127.0.0.1:9292');
  image = await uploaded(`c2-cache-${suffix()}`);
});

afterAll(async () => {
  const api = await images.deps.image();
  for (const id of [image?.id, ...imported]) if (id) await api.cache.delete(id).catch(() => undefined);
  for (const id of imported) images.track(id);
  await images.cleanup();
  await server?.close();
  await proxy?.close();
});

describe('cache-list', { timeout: SLOW }, () => {
  it('an image read through Glance is listed as glanceclient lists it (centred), and left-aligned in the runbook dialect', async () => {
    await cache(image.id);
    const expected = await sameListing(['cache-list']);
    expect(expected.stderr).toBe('');
    const header = expected.stdout.split('\n')[1]!;
    expect(header).toMatch(/^\| +ID +\| State {2}\|/); // PrettyTable's centred default
    const row = gridRows(expected.stdout).find((r) => r[0] === image.id)!;
    expect(row.slice(1, 2)).toEqual(['cached']);
    expect(row[2]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?$/);
    expect(row[4]).toBe('3000');

    const runbook = await ours(['cache-list'], 1);
    expect(runbook.code).toBe(0);
    expect(runbook.stdout.split('\n')[1]).toMatch(/^\| ID +\| State +\| Last Accessed \(UTC\) +\|/);
    expect(gridRows(runbook.stdout).find((r) => r[0] === image.id)).toEqual(row);
  });

  it('queued entries, a never-accessed image and whole-second times, in the order of the body', async () => {
    const body = {
      queued_images: ['q-1', 'q-22'],
      cached_images: [
        { image_id: 'c-1', hits: 0, last_accessed: 0, last_modified: 1700000000, size: 1, hits_extra: null },
        { image_id: 'c-2', hits: 12, last_accessed: 1700000000.9999995, last_modified: 1700000000.25, size: 123456789 },
      ],
    };
    proxy.reset().add({ method: 'GET', path: '/v2/cache', action: { kind: 'status', status: 200, body: JSON.stringify(body) } });
    const expected = await same(['--os-image-url', proxy.url, 'cache-list']);
    expect(gridRows(expected.stdout).map((r) => r[0])).toEqual(['ID', 'q-1', 'q-22', 'c-1', 'c-2']);
    expect(expected.stdout).toContain('2023-11-14T22:13:21 ');
    proxy.reset();
  });

  it('a Glance without v2.14 in /versions: glanceclient\'s "HTTP Glance does not support …", exit 1', async () => {
    proxy.reset().add({ method: 'GET', path: '/versions', action: { kind: 'status', status: 200, body: await versionsWithout('v2.14') } });
    const expected = await same(['--os-image-url', proxy.url, 'cache-list'], [2, 1]);
    expect(expected).toEqual({ code: 1, stdout: '', stderr: 'HTTP Glance does not support image caching API (v2.14)\n' });
    expect(proxy.count('GET', '/v2/cache')).toBe(0);
    proxy.reset();
  });

  it('an argument it does not take is a usage error', async () => {
    const r = await ours(['cache-list', 'extra']);
    expect(r.code).toBe(2);
  });
});

describe('cache-queue and cache-delete', { timeout: SLOW }, () => {
  it('cache-delete removes a cached image, cache-queue caches it again: both clients, same (empty) output', async () => {
    for (const run of [reference, (args: string[]) => ours(args)]) {
      await cache(image.id);
      expect(await run(['cache-delete', image.id])).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(await cachedIds()).not.toContain(image.id);
      expect(await run(['cache-queue', image.id])).toEqual({ code: 0, stdout: '', stderr: '' });
      // This Glance caches a queued image at once or on its next prefetch: either way the queue holds it until then.
      const state = await (await images.deps.image()).cache.list();
      expect([...(await cachedIds()), ...(state.queued_images as string[])]).toContain(image.id);
    }
  });

  it('unknown IDs: one line each on stderr, the others still done, exit 0, as glanceclient', async () => {
    const missing = `missing-${suffix()}`;
    for (const verb of ['cache-queue', 'cache-delete']) {
      const expected = await same([verb, missing, image.id]);
      expect(expected.code).toBe(0);
      expect(expected.stderr).toMatch(new RegExp(`^'HTTP 404 Not Found: .*': Unable to (queue|delete) image '${missing}' (for caching|from cache)\\.\\n$`));
    }
  });

  it("without an image ID: argparse's usage error, exit 2", async () => {
    for (const verb of ['cache-queue', 'cache-delete']) {
      const expected = await same([verb]);
      expect(expected.code).toBe(2);
      expect(expected.stderr).toBe(
        `usage: glance ${verb} <IMAGE_ID> [<IMAGE_ID> ...]\nglance ${verb}: error: the following arguments are required: <IMAGE_ID>\n`,
      );
    }
  });

  it('a 403 and a Glance without v2.14 are reported per image, exit 0', async () => {
    proxy.reset().add({ method: 'PUT', path: /^\/v2\/cache\//, action: { kind: 'status', status: 403, body: '{}' } });
    const forbidden = await same(['--os-image-url', proxy.url, 'cache-queue', 'a1', 'a2']);
    expect(forbidden.stderr).toBe("You are not permitted to queue the image 'a1' for caching.\nYou are not permitted to queue the image 'a2' for caching.\n");
    proxy.reset().add({ method: 'GET', path: '/versions', action: { kind: 'status', status: 200, body: await versionsWithout('v2.14') } });
    const old = await same(['--os-image-url', proxy.url, 'cache-delete', 'a1']);
    expect(old).toEqual({
      code: 0,
      stdout: '',
      stderr: "'HTTP Glance does not support image caching API (v2.14)': Unable to delete image 'a1' from cache.\n",
    });
    proxy.reset();
  });

  it('the runbook dialect takes names, and exits 1 when an image failed', async () => {
    await cache(image.id);
    expect(await ours(['cache-delete', image.name!], 1)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await cachedIds()).not.toContain(image.id);
    const missing = `missing-${suffix()}`;
    const r = await ours(['cache-queue', missing, image.name!], 1);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `No image with a name or ID of '${missing}' exists.\n` });
  });
});

describe('cache-clear', { timeout: SLOW }, () => {
  it('--target queue leaves cached images; --target cache removes them; both clients alike', async () => {
    for (const run of [reference, (args: string[]) => ours(args)]) {
      await cache(image.id);
      expect(await run(['cache-clear', '--target', 'queue'])).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(await cachedIds()).toContain(image.id);
      expect(await run(['cache-clear', '--target', 'cache'])).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(await cachedIds()).not.toContain(image.id);
    }
  });

  it("a bad --target is argparse's usage error; a 403 and a Glance without v2.14 are one line, exit 0", async () => {
    expect((await same(['cache-clear', '--target', 'all'])).code).toBe(2);
    proxy.reset().add({ method: 'DELETE', path: '/v2/cache', action: { kind: 'status', status: 403, body: '{}' } });
    expect(await same(['--os-image-url', proxy.url, 'cache-clear'])).toEqual({
      code: 0,
      stdout: '',
      stderr: 'You are not permitted to delete image(s) from cache.\n',
    });
    proxy.reset().add({ method: 'GET', path: '/versions', action: { kind: 'status', status: 200, body: await versionsWithout('v2.14') } });
    const old = await same(['--os-image-url', proxy.url, 'cache-clear', '--target', 'cache']);
    expect(old.stderr).toBe("'HTTP Glance does not support image caching API (v2.14)': Unable to delete image(s) from cache.\n");
    expect(proxy.count('DELETE', '/v2/cache')).toBe(0);
    proxy.reset();
    const runbook = await ours(['--os-image-url', proxy.url, 'cache-clear'], 1);
    expect(runbook.code).toBe(0);
  });
});

/** A task grid with what differs per task (ID, times, request ID) blanked to the same width. */
function normalisedTask(stdout: string): string {
  return stdout.replace(
    /^(\| (?:id|created_at|updated_at|expires_at|request_id) +\| )(\S+)/gm,
    (_m, head: string, value: string) => head + 'x'.repeat(value.length),
  );
}

const field = (stdout: string, name: string): string | undefined => gridRows(stdout).find((r) => r[0] === name)?.[1];

async function settled(id: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const task = await (await images.deps.image()).tasks.get(id);
    if (task.status === 'success' || task.status === 'failure') return task.status;
    await new Promise((r) => setTimeout(r, 300));
  }
  return 'unsettled';
}

describe('task-create, task-show, task-list', { timeout: SLOW }, () => {
  let taskId: string;

  it('task-create prints the new task as glanceclient does (IDs and times aside)', async () => {
    const args = ['task-create', '--type', 'api_image_import', '--input', '{}'];
    const expected = await reference(args);
    const actual = await ours(args);
    expect(expected.code).toBe(0);
    expect(actual.code).toBe(0);
    expect(actual.stderr).toBe(expected.stderr);
    expect(normalisedTask(actual.stdout)).toBe(normalisedTask(expected.stdout));
    expect(field(actual.stdout, 'type')).toBe('api_image_import');
    taskId = field(actual.stdout, 'id')!;
    expect(field(expected.stdout, 'id')).not.toBe(taskId);
    expect(await settled(taskId)).toBe('failure'); // an import task without input fails at once
  });

  it('a legacy import task runs: task-show shows its result, byte for byte, in both dialects', async () => {
    const name = `c2-task-${suffix()}`;
    const input = { import_from: server.url('/task.raw'), import_from_format: 'raw', image_properties: { name, disk_format: 'raw', container_format: 'bare' } };
    const created = await ours(['task-create', '--type', 'import', '--input', JSON.stringify(input)]);
    expect(created.code, created.stderr).toBe(0);
    expect(field(created.stdout, 'input')).toContain(`"import_from": "${server.url('/task.raw')}"`);
    const id = field(created.stdout, 'id')!;
    expect(await settled(id)).toBe('success');
    const shown = await same(['task-show', id], [2, 1]);
    const result = JSON.parse(field(shown.stdout, 'result')!) as { image_id: string };
    imported.push(result.image_id);
    expect((await images.get(result.image_id)).name).toBe(name);
    expect(server.requests).toContain('/task.raw');
    await same(['task-show', taskId], [2, 1]);
  });

  it('task-list: filters, sort and page size as glanceclient sends them; every page followed', async () => {
    await sameListing(['task-list', '--type', 'import', '--sort-key', 'id', '--sort-dir', 'asc', '--page-size', '1']);
    const failures = await sameListing(['task-list', '--status', 'failure', '--page-size', '0'], 1);
    expect(gridRows(failures.stdout)[0]).toEqual(['ID', 'Type', 'Status', 'Owner']);
    expect(
      gridRows(failures.stdout)
        .find((r) => r[0] === taskId)
        ?.slice(1, 3),
    ).toEqual(['api_image_import', 'failure']);
  });

  it('errors: unknown task, missing flags, input that is not JSON or not an object, a type the schema lacks', async () => {
    const unknown = await same(['task-show', `missing-${suffix()}`], [2, 1]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^HTTP 404 Not Found: /);
    for (const args of [
      ['task-show'],
      ['task-create'],
      ['task-create', '--type', 'import', '--input', ''],
      ['task-create', '--type', 'import', '--input', '{"a": '],
      ['task-create', '--type', 'import', '--input', '[1, "two"]'],
      ['task-create', '--type', 'copy', '--input', '{}'],
      ['task-list', '--page-size', 'ten'],
      ['task-list', '--sort-key', 'owner'],
      ['task-list', '--sort-dir', 'up'],
      ['task-list', '--type', 'api_image_import'], // Glance filters on 'import' only: its 400
    ]) {
      const expected = await same(args, [2, 1]);
      expect(expected.code, args.join(' ')).toBeGreaterThan(0);
      expect(expected.stdout).toBe('');
    }
  });
});

describe('usage and explain', { timeout: SLOW }, () => {
  it('usage: the real (empty) answer and a faked one with quotas, in both dialects', async () => {
    expect((await same(['usage'], [2, 1])).code).toBe(0);
    const usage = { image_size_total: { limit: 1000, usage: 12 }, image_count_total: { limit: -1, usage: 3 }, image_stage_total: { limit: 5, usage: null } };
    proxy.reset().add({ method: 'GET', path: '/v2/info/usage', action: { kind: 'status', status: 200, body: JSON.stringify({ usage }) } });
    const expected = await same(['--os-image-url', proxy.url, 'usage'], [2, 1]);
    expect(gridRows(expected.stdout)).toEqual([
      ['Quota', 'Limit', 'Usage'],
      ['image_size_total', '1000', '12'],
      ['image_count_total', '-1', '3'],
      ['image_stage_total', '5', 'None'],
    ]);
    proxy.reset();
  });

  it('explain: the models Glance publishes, an unknown one, none at all', async () => {
    for (const model of ['image', 'task', 'members', 'metadefs/namespace']) {
      const expected = await same(['explain', model], [2, 1]);
      expect(expected.code).toBe(0);
      expect(gridRows(expected.stdout)[0]).toEqual(['Attribute', 'Description']);
    }
    expect(await same(['explain', 'nonsense'], [2, 1])).toEqual({ code: 1, stdout: '', stderr: "Unable to find requested model 'nonsense'\n" });
    expect((await same(['explain'], [2, 1])).stderr).toBe(
      'usage: glance explain <MODEL>\nglance explain: error: the following arguments are required: <MODEL>\n',
    );
  });
});

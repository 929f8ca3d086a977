// Catalogue: an upload that is cut mid-stream, refused with 413, or interrupted with Ctrl-C.
// The image the command created is deleted (it would sit 'queued' forever), the exit code says
// what happened (1, or 130 for Ctrl-C), and the source file is untouched. A POST that fails is
// never repeated, so no duplicate image appears.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_HOME, ROOT, runCli } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';
import { createImage, deleteImagesNamed, imagesNamed, uniqueName } from '../helpers/cloud-api.js';
import { KEYSTONE_401, oneLine, startCloudProxies, type CloudProxies } from '../helpers/fault-proxy.js';

let proxies: CloudProxies;
let source: string;
let sourceHash: string;
let sourceMtime: number;
const PREFIX = uniqueName('faults-upload');
const FILE_PUT = /^\/v2\/images\/[^/]+\/file$/;

beforeAll(async () => {
  proxies = await startCloudProxies(adminEnv());
  source = join(mkdtempSync(join(tmpdir(), 'osc-faults-upload-')), 'disk.raw');
  writeFileSync(source, randomBytes(3 * 1024 * 1024));
  sourceHash = createHash('sha256').update(readFileSync(source)).digest('hex');
  sourceMtime = statSync(source).mtimeMs;
});
afterAll(async () => {
  await proxies.close();
  await deleteImagesNamed(PREFIX);
});

const createArgs = (name: string): string[] => ['image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare', '--file', source];

function expectSourceUntouched(): void {
  expect(createHash('sha256').update(readFileSync(source)).digest('hex')).toBe(sourceHash);
  expect(statSync(source).mtimeMs).toBe(sourceMtime);
}

/** The one image id the proxy saw created, and that the CLI then deleted it (exactly once). */
function createdAndDeleted(): string {
  const posts = proxies.glance.requests.filter((r) => r.method === 'POST' && r.path === '/v2/images');
  expect(posts).toHaveLength(1);
  const put = proxies.glance.requests.find((r) => r.method === 'PUT' && FILE_PUT.test(r.path))!;
  const id = put.path.split('/')[3]!;
  expect(proxies.glance.count('DELETE', `/v2/images/${id}`)).toBe(1);
  return id;
}

describe('upload failures delete the image the command created', () => {
  it('connection reset mid-upload → exit 1, one line saying the image was deleted, nothing left on the cloud', async () => {
    const name = `${PREFIX}-cut`;
    proxies.reset();
    proxies.glance.add({ method: 'PUT', path: FILE_PUT, action: { kind: 'reset-request-body', afterBytes: 256 * 1024 } });
    const r = await runCli('glance', createArgs(name), { env: proxies.env() });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const id = createdAndDeleted();
    expect(oneLine(r.stderr)).toMatch(new RegExp(`^Upload of image data failed: .*(reset|closed).*; image ${id} was deleted\\.$`));
    // Reset at once on the connection the create used: taken for its keep-alive timeout, the file
    // is sent once more on a new connection (Glance would refuse data it already had), never a third time.
    expect(proxies.glance.count('PUT', FILE_PUT)).toBe(2);
    expect(await imagesNamed(name)).toEqual([]);
    expectSourceUntouched();
  });

  it('HTTP 413 on the data → exit 1, "HTTP 413 …" in one line, image deleted', async () => {
    const name = `${PREFIX}-413`;
    proxies.reset();
    proxies.glance.add({
      method: 'PUT',
      path: FILE_PUT,
      action: { kind: 'html', status: 413, message: 'Image exceeds the storage quota: The size of the data 3145728 will exceed the limit. 0 bytes remaining' },
    });
    const r = await runCli('glance', createArgs(name), { env: proxies.env() });
    expect(r.code).toBe(1);
    const id = createdAndDeleted();
    expect(oneLine(r.stderr)).toMatch(
      new RegExp(`^Upload of image data failed: HTTP 413 [A-Za-z ]+: Image exceeds the storage quota: .*image ${id} was deleted\\.$`),
    );
    expect(await imagesNamed(name)).toEqual([]);
    expectSourceUntouched();
  });

  it('HTTP 401 on the data (the token revoked mid-run) → re-authenticated, the file sent again whole: the image is active and right', async () => {
    // Before, a refused upload dropped the token and said to run the command again, for a file as for a pipe.
    const name = `${PREFIX}-401`;
    proxies.reset();
    proxies.glance.add({ method: 'PUT', path: FILE_PUT, times: 1, action: { kind: 'status', status: 401, body: KEYSTONE_401 } });
    const r = await runCli('glance', createArgs(name), { env: proxies.env() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(proxies.glance.count('PUT', FILE_PUT)).toBe(2);
    expect(proxies.keystone.count('POST', '/v3/auth/tokens')).toBeGreaterThanOrEqual(1); // the new token (the first may come from the cache)
    const [image] = await imagesNamed(name);
    expect(image?.status).toBe('active');
    expect(image?.checksum).toBe(createHash('md5').update(readFileSync(source)).digest('hex'));
    expectSourceUntouched();
  });

  it('HTTP 500 on the data (streamed, not replayable) → exit 1, image deleted, upload sent once', async () => {
    const name = `${PREFIX}-500`;
    proxies.reset();
    proxies.glance.add({
      method: 'PUT',
      path: FILE_PUT,
      action: { kind: 'html', status: 500, message: 'Error in store configuration. Adding images to store is disabled.' },
    });
    const r = await runCli('glance', createArgs(name), { env: proxies.env() });
    expect(r.code).toBe(1);
    createdAndDeleted();
    expect(proxies.glance.count('PUT', FILE_PUT)).toBe(1);
    expect(oneLine(r.stderr)).toMatch(/HTTP 500 Internal Server Error: Error in store configuration/);
    expect(await imagesNamed(name)).toEqual([]);
    expectSourceUntouched();
  });

  it('Ctrl-C (SIGINT) during the upload → exit 130, image deleted, source untouched', async () => {
    const name = `${PREFIX}-sigint`;
    proxies.reset();
    proxies.glance.add({ method: 'PUT', path: FILE_PUT, action: { kind: 'stall-upload', bytesPerSecond: 64 * 1024 } });
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'glance'), ...createArgs(name)], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', XDG_CACHE_HOME: CACHE_HOME, ...proxies.env() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // Wait until the data is really flowing, then press Ctrl-C.
    const deadline = Date.now() + 20_000;
    while (!proxies.glance.requests.some((r) => FILE_PUT.test(r.path) && r.bodyBytes > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(130);
    expect(stdout).toBe('');
    const id = createdAndDeleted();
    expect(stderr).toContain(`image ${id} was deleted`);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(await imagesNamed(name)).toEqual([]);
    expectSourceUntouched();
  });
});

describe('an upload to an image the user already had', () => {
  it('image-upload cut mid-stream → exit 1, the image is NOT deleted (it is not ours), still queued', async () => {
    const name = `${PREFIX}-existing`;
    const image = await createImage(name);
    proxies.reset();
    proxies.glance.add({ method: 'PUT', path: FILE_PUT, action: { kind: 'reset-request-body', afterBytes: 128 * 1024 } });
    const r = await runCli('glance', ['image-upload', '--file', source, image.id], { env: proxies.env() });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(/^Upload of image data failed: .*(reset|closed)/);
    expect(proxies.glance.count('DELETE', `/v2/images/${image.id}`)).toBe(0);
    const [still] = await imagesNamed(name);
    expect(still!.id).toBe(image.id);
    expect(still!.status).toBe('queued');
    expectSourceUntouched();
  });
});

describe('a failed POST is not repeated and leaves no duplicate', () => {
  it('HTTP 503 on POST /v2/images → exit 1, one line, one POST, no image', async () => {
    const name = `${PREFIX}-post503`;
    proxies.reset();
    proxies.glance.add({
      method: 'POST',
      path: '/v2/images',
      times: 1,
      action: { kind: 'html', status: 503, message: 'The server is currently unavailable. Please try again at a later time.' },
    });
    const r = await runCli('glance', createArgs(name), { env: proxies.env() });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toBe('HTTP 503 Service Unavailable: The server is currently unavailable. Please try again at a later time.');
    expect(proxies.glance.count('POST', '/v2/images')).toBe(1);
    expect(proxies.glance.count('PUT', FILE_PUT)).toBe(0);
    expect(await imagesNamed(name)).toEqual([]);
  });

  it('the answer to POST /v2/images is lost (reset after Glance created it) → exit 1, one POST, exactly one image', async () => {
    const name = `${PREFIX}-postlost`;
    proxies.reset();
    proxies.glance.add({ method: 'POST', path: '/v2/images', times: 1, action: { kind: 'reset-after-upstream' } });
    const r = await runCli('glance', createArgs(name), { env: proxies.env() });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(new RegExp(`${proxies.glance.url}/v2/images.*(reset|closed)`));
    expect(proxies.glance.count('POST', '/v2/images')).toBe(1);
    expect(await imagesNamed(name)).toHaveLength(1);
  });
});

describe('sanity', () => {
  it('the same upload through the same proxy, without a fault, is active with the source checksum', async () => {
    const name = `${PREFIX}-ok`;
    proxies.reset();
    const r = await runCli('glance', createArgs(name), { env: proxies.env() });
    expect(r.code).toBe(0);
    const [image] = await imagesNamed(name);
    expect(image!.status).toBe('active');
    expect(image!.checksum).toBe(createHash('md5').update(readFileSync(source)).digest('hex'));
  });
});

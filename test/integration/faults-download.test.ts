// Catalogue: a download that stalls, is cut short, arrives corrupted, or fills the disk. Nothing
// ever appears under the target name (and an existing file there keeps its old content), no
// partial file is left beside it, exit 1 with one line saying why.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_HOME, ROOT, runCli } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';
import { createImage, deleteImage, uniqueName, type CloudImage } from '../helpers/cloud-api.js';
import { oneLine, startCloudProxies, type CloudProxies } from '../helpers/fault-proxy.js';

let proxies: CloudProxies;
let image: CloudImage;
let data: Buffer;
let dir: string;
const FILE_GET = /^\/v2\/images\/[^/]+\/file$/;

beforeAll(async () => {
  proxies = await startCloudProxies(adminEnv());
  data = randomBytes(2 * 1024 * 1024 + 123);
  image = await createImage(uniqueName('faults-download'), data);
  dir = mkdtempSync(join(tmpdir(), 'osc-faults-download-'));
});
afterAll(async () => {
  await proxies.close();
  await deleteImage(image.id);
});

/** A fresh directory per test, so "nothing left behind" means the directory is as it was. */
function freshDir(name: string): string {
  return mkdtempSync(join(dir, `${name}-`));
}

async function expectFailedDownload(fault: Parameters<CloudProxies['glance']['add']>[0]['action'], cause: RegExp, extra: string[] = []): Promise<void> {
  const d = freshDir(fault.kind);
  const target = join(d, 'disk.raw');
  proxies.reset();
  proxies.glance.add({ method: 'GET', path: FILE_GET, action: fault });
  const started = Date.now();
  const r = await runCli('glance', [...extra, 'image-download', '--file', target, image.id], { env: proxies.env() });
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(oneLine(r.stderr)).toMatch(cause);
  expect(readdirSync(d)).toEqual([]);
  expect(Date.now() - started).toBeLessThan(20_000);
}

describe('download faults leave nothing under the target name', () => {
  it('stalled mid-body past --timeout → exit 1, names the stall, no file', async () => {
    await expectFailedDownload(
      { kind: 'stall', afterBytes: 256 * 1024 },
      new RegExp(`^Download of image ${image.id} failed: the download stalled past the timeout.*nothing was saved as .*disk\\.raw\\.$`),
      ['--timeout', '2'],
    );
  });
  it('stalled before any byte past --timeout → exit 1, no file', async () => {
    await expectFailedDownload({ kind: 'stall' }, /Timed out waiting 2 s for an answer from .*--timeout 2/, ['--timeout', '2']);
  });
  it('truncated (Content-Length says more) → exit 1, no file', async () => {
    await expectFailedDownload({ kind: 'truncate' }, new RegExp(`^Download of image ${image.id} failed: .*(closed|reset|terminated).*nothing was saved`));
  });
  it('reset mid-body → exit 1, no file', async () => {
    await expectFailedDownload({ kind: 'reset-response-body', afterBytes: 512 * 1024 }, new RegExp(`^Download of image ${image.id} failed: .*(closed|reset)`));
  });
  it('corrupted (one byte flipped, same length) → exit 1, "Corrupt image download", no file', async () => {
    await expectFailedDownload({ kind: 'corrupt' }, /^Corrupt image download\. Hash was [0-9a-f]+ expected [0-9a-f]+$/);
  });
  it('HTTP 500 twice → exit 1, one line, no file', async () => {
    await expectFailedDownload({ kind: 'html', status: 500, message: 'Store backend broken' }, /HTTP 500 Internal Server Error: Store backend broken/);
  });

  it('an existing file under the target name keeps its content when the download fails', async () => {
    const d = freshDir('existing');
    const target = join(d, 'disk.raw');
    writeFileSync(target, 'precious old content');
    proxies.reset();
    proxies.glance.add({ method: 'GET', path: FILE_GET, action: { kind: 'corrupt' } });
    const r = await runCli('glance', ['image-download', '--file', target, image.id], { env: proxies.env() });
    expect(r.code).toBe(1);
    expect(readFileSync(target, 'utf8')).toBe('precious old content');
    expect(readdirSync(d)).toEqual(['disk.raw']);
  });

  it('a 500 once is retried (GET), and the file is complete and verified', async () => {
    const d = freshDir('retried');
    const target = join(d, 'disk.raw');
    proxies.reset();
    proxies.glance.add({ method: 'GET', path: FILE_GET, times: 1, action: { kind: 'status', status: 503 } });
    const r = await runCli('glance', ['image-download', '--file', target, image.id], { env: proxies.env() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(proxies.glance.count('GET', FILE_GET)).toBe(2);
    expect(createHash('sha256').update(readFileSync(target)).digest('hex')).toBe(createHash('sha256').update(data).digest('hex'));
    expect(readdirSync(d)).toEqual(['disk.raw']);
  });
});

describe('disk full', () => {
  let mount: string;
  beforeAll(() => {
    mount = freshDir('tmpfs');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount]);
  });
  afterAll(() => {
    execFileSync('umount', [mount]);
    rmSync(mount, { recursive: true, force: true });
  });

  it('a 1 MiB tmpfs and a 2 MiB image → exit 1, "no space left", no partial file, the space is given back', async () => {
    const target = join(mount, 'disk.raw');
    const r = await runCli('glance', ['image-download', '--file', target, image.id], { env: adminEnv() });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toBe(`Download of image ${image.id} failed: no space left on the device; nothing was saved as ${target}.`);
    expect(readdirSync(mount)).toEqual([]);
    // The partial file's blocks were freed: a small file still fits.
    writeFileSync(join(mount, 'after'), randomBytes(900 * 1024));
    rmSync(join(mount, 'after'));
  });
});

describe('file-size limit (ulimit -f)', () => {
  it('a 1 MiB file-size limit → exit 1, "file too large", no partial file (SIGXFSZ does not kill us)', async () => {
    const d = freshDir('ulimit');
    const target = join(d, 'disk.raw');
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', XDG_CACHE_HOME: CACHE_HOME, ...adminEnv() };
    const child = spawn(
      'bash',
      ['-c', 'ulimit -f 1024; exec "$0" "$@"', process.execPath, join(ROOT, 'bin', 'glance'), 'image-download', '--file', target, image.id],
      { env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(1);
    expect(oneLine(stderr)).toBe(`Download of image ${image.id} failed: file too large (file system or ulimit -f limit); nothing was saved as ${target}.`);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(d)).toEqual([]);
  });
});

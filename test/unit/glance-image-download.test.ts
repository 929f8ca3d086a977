// image-download on a fake Glance: which hash it verifies against (glanceclient's rules, plus a
// refusal when nothing at all can be checked), and targets refused before any byte is fetched.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imageDownload } from '../../src/cli/glance/commands/image-download.js';
import { makeTestDeps } from '../helpers/deps.js';
import { HttpMock } from '../helpers/http-mock.js';

const ID = '7b3c1a52-59f3-4a1d-9d8e-2f5e8a0e3c11';
const DATA = Buffer.from('image data '.repeat(1000));
const hex = (algorithm: string, data: Buffer = DATA) => createHash(algorithm).update(data).digest('hex');
const IMAGE = {
  id: ID,
  name: 'cirros',
  status: 'active',
  disk_format: 'raw',
  container_format: 'bare',
  size: DATA.length,
  virtual_size: null,
  visibility: 'public',
  owner: 'p-admin',
  min_disk: 0,
  min_ram: 0,
  protected: false,
  checksum: null as string | null,
  os_hash_algo: null as string | null,
  os_hash_value: null as string | null,
  created_at: '2024-05-01T10:00:00Z',
  updated_at: '2024-05-01T10:00:05Z',
  tags: [],
};

let api: HttpMock;
let dir: string;
beforeEach(async () => {
  api = await HttpMock.start();
  dir = mkdtempSync(join(tmpdir(), 'image-download-'));
});
afterEach(async () => {
  rmSync(dir, { recursive: true, force: true });
  await api.close();
});

const OPTIONS = { image: ID, progress: false, allowMd5Fallback: false, allowUnverified: false };

/** Serves the image record (and its data when `data` is given), then runs image-download --file. */
async function download(
  image: Partial<typeof IMAGE>,
  options: Partial<typeof OPTIONS> = {},
  data?: { headers?: Record<string, string> },
  env: Record<string, string> = {},
) {
  api.register('GET', `/v2/images/${ID}`, { json: { ...IMAGE, ...image } });
  if (data) api.register('GET', `/v2/images/${ID}/file`, { body: DATA, headers: data.headers });
  const target = join(dir, 'image.raw');
  const deps = makeTestDeps({ env: { ...api.env(), ...env } });
  const run = imageDownload.run({ ...OPTIONS, file: target, ...options }, deps);
  return { run, target, verify: () => api.verify() };
}

describe('image-download verification', () => {
  it('refuses an os_hash_algo this client lacks, before fetching the data (was: saved unchecked, exit 0)', async () => {
    const d = await download({ os_hash_algo: 'sha1024', os_hash_value: 'ab'.repeat(64) });
    await expect(d.run).rejects.toMatchObject({
      exitCode: 1,
      message: `unsupported hash type sha1024: the data of image ${ID} cannot be verified, nothing was downloaded (--allow-md5-fallback verifies it against its md5 checksum instead)`,
    });
    d.verify();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('with --allow-md5-fallback (or OS_IMAGE_ALLOW_MD5_FALLBACK), verifies against the md5 checksum', async () => {
    const d = await download({ os_hash_algo: 'sha1024', os_hash_value: 'ab'.repeat(64), checksum: hex('md5') }, { allowMd5Fallback: true }, {});
    await d.run;
    d.verify();
    expect(readFileSync(d.target)).toEqual(DATA);
  });

  it('OS_IMAGE_ALLOW_MD5_FALLBACK is the flag, and a wrong checksum fails', async () => {
    const d = await download(
      { os_hash_algo: 'sha1024', os_hash_value: 'ab'.repeat(64), checksum: 'f'.repeat(32) },
      {},
      {},
      { OS_IMAGE_ALLOW_MD5_FALLBACK: '1' },
    );
    await expect(d.run).rejects.toThrow(`Corrupt image download. Hash was ${hex('md5')} expected ${'f'.repeat(32)}`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("verifies python's hashlib names (sha3_512) with Node's algorithm", async () => {
    const good = await download({ os_hash_algo: 'sha3_512', os_hash_value: hex('sha3-512') }, {}, {});
    await good.run;
    expect(readFileSync(good.target)).toEqual(DATA);
  });

  it('refuses data with no hash, checksum or Content-MD5 (was: saved, exit 0), unless --allow-unverified', async () => {
    const refused = await download({}, {}, {});
    await expect(refused.run).rejects.toThrow(
      `Image ${ID} has no hash, checksum or Content-MD5 to verify its data against: nothing was downloaded (--allow-unverified saves it unchecked).`,
    );
    expect(readdirSync(dir)).toEqual([]);
    const fallbackToNothing = await download({ os_hash_algo: 'sha1024', os_hash_value: 'ab'.repeat(64) }, { allowMd5Fallback: true }, {});
    await expect(fallbackToNothing.run).rejects.toThrow(/has no hash, checksum or Content-MD5/);
    const allowed = await download({}, { allowUnverified: true }, {});
    await allowed.run;
    expect(readFileSync(allowed.target)).toEqual(DATA);
  });

  it('verifies against Content-MD5 when that is all there is', async () => {
    const md5 = createHash('md5').update(DATA).digest('base64');
    const d = await download({}, {}, { headers: { 'Content-MD5': md5 } });
    await d.run;
    expect(readFileSync(d.target)).toEqual(DATA);
  });
});

describe('image-download targets, checked before anything is fetched', () => {
  const refused = async (target: string, message: string) => {
    const deps = makeTestDeps({ env: api.env() });
    await expect(imageDownload.run({ ...OPTIONS, file: target }, deps)).rejects.toMatchObject({ exitCode: 1, message });
    expect(api.requests).toEqual([]);
  };

  it('a directory (was: whole image fetched, then EISDIR … rename)', async () => {
    await refused(dir, `Cannot save the image as ${dir}: it is a directory.`);
  });

  it('a missing directory (was: whole image fetched, then ENOENT)', async () => {
    await refused(
      join(dir, 'nope', 'image.raw'),
      `Cannot save the image as ${join(dir, 'nope', 'image.raw')}: the directory ${join(dir, 'nope')} does not exist.`,
    );
  });

  it('a "directory" that is a file', async () => {
    writeFileSync(join(dir, 'file'), '');
    await refused(join(dir, 'file', 'image.raw'), `Cannot save the image as ${join(dir, 'file', 'image.raw')}: ${join(dir, 'file')} is not a directory.`);
  });

  it('a device or a FIFO, which the rename would replace (was: the rename replaced it with the image)', async () => {
    await refused('/dev/null', 'Cannot save the image as /dev/null: it is a character device (to write there, redirect stdout instead).');
    mkdirSync(join(dir, 'd'));
    execFileSync('mkfifo', [join(dir, 'd', 'fifo')]);
    await refused(join(dir, 'd', 'fifo'), `Cannot save the image as ${join(dir, 'd', 'fifo')}: it is a FIFO (to write there, redirect stdout instead).`);
  });
});

// ImageDataApi.upload against the real Glance: a file read in place through the reused buffers
// (several turns of them) and a stream both send exactly the file, and the md5/sha512 computed on
// the way equal the file's and what Glance stored; data shorter or longer than the declared size
// fails with a message saying so; a read error mid-upload fails the upload and image-create's
// clean-up deletes the image, as for any other upload failure.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readFault } from '../helpers/failing-reads.js';
import { CliError } from '../../src/errors.js';
import { createImage, deleteImagesNamed, imagesNamed, uniqueName } from '../helpers/cloud-api.js';
import { makeTestDeps } from '../helpers/deps.js';

vi.mock('node:fs/promises', async (original) => (await import('../helpers/failing-reads.js')).withFailingReads(await original()));

const { uploadData } = await import('../../src/cli/glance/support/verified-upload.js');

const PREFIX = uniqueName('upload-data');
const dir = mkdtempSync(join(tmpdir(), 'osc-upload-data-'));
// 1 MiB chunks through three buffers: seven chunks go round the buffers more than twice.
const data = randomBytes(6 * 1024 * 1024 + 12345);
const path = join(dir, 'disk.raw');
writeFileSync(path, data);
const md5 = createHash('md5').update(data).digest('hex');
const sha512 = createHash('sha512').update(data).digest('hex');

afterAll(() => deleteImagesNamed(PREFIX));

async function newImage(label: string) {
  return createImage(`${PREFIX}-${label}`);
}

describe('ImageDataApi.upload', () => {
  it('a file read in place: what was sent, its md5 and sha512 equal the file and what Glance stored', async () => {
    const image = await newImage('file');
    const api = await makeTestDeps().image();
    let reported = 0;
    const sent = await api.data.upload(image.id, { file: path }, { size: data.length, onProgress: (n) => (reported += n) });
    expect(sent).toEqual({ bytes: data.length, md5, sha512 });
    expect(reported).toBe(data.length);
    const stored = await api.images.get(image.id);
    expect(stored).toMatchObject({ status: 'active', size: data.length, checksum: md5, os_hash_algo: 'sha512', os_hash_value: sha512 });
  });

  it('a stream (the path for pipes), also without a declared size: the same digests', async () => {
    const image = await newImage('stream');
    const api = await makeTestDeps().image();
    const sent = await api.data.upload(image.id, { stream: createReadStream(path, { highWaterMark: 64 * 1024 }) });
    expect(sent).toEqual({ bytes: data.length, md5, sha512 });
    expect((await api.images.get(image.id)).os_hash_value).toBe(sha512);
  });

  it('a file shorter than the declared size fails, saying how much there was', async () => {
    const image = await newImage('short');
    const api = await makeTestDeps().image();
    await expect(api.data.upload(image.id, { file: path }, { size: data.length + 10 })).rejects.toThrow(
      new CliError(`the data ended after ${data.length} of the ${data.length + 10} bytes expected`),
    );
    expect((await api.images.get(image.id)).status).not.toBe('active');
  });

  it('a file longer than the declared size fails before the extra bytes are sent', async () => {
    const image = await newImage('long');
    const api = await makeTestDeps().image();
    await expect(api.data.upload(image.id, { file: path }, { size: data.length - 10 })).rejects.toThrow(
      new CliError(`the data went past the ${data.length - 10} bytes expected`),
    );
    expect((await api.images.get(image.id)).status).not.toBe('active');
  });
});

describe('a read error mid-upload', () => {
  it('fails the upload with the error, and the image the command created is deleted', async () => {
    const name = `${PREFIX}-eio`;
    const image = await createImage(name);
    const deps = makeTestDeps();
    const api = await deps.image();
    const source = { origin: '--file' as const, path, size: data.length, open: () => createReadStream(path) };
    readFault.failAfter = 3;
    try {
      await expect(uploadData(deps, api, await api.images.get(image.id), source, { created: true, progress: false })).rejects.toThrow(
        `Upload of image data failed: cannot read the data (EIO: i/o error, read); image ${image.id} was deleted.`,
      );
    } finally {
      readFault.failAfter = undefined;
    }
    expect(await imagesNamed(name)).toEqual([]);
  });
});

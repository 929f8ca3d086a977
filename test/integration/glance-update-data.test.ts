// v1 image-update gives data to an image created without any (queued): --file uploads it (hashes
// verified as for image-create), --copy-from imports it, and two data flags are a usage error.
// An image that already has data, or lacks its formats, is refused before anything changes, and
// a failure never deletes the image (this command did not create it). Stdin is never read.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';
import { createImage, deleteImagesNamed, imagesNamed, uniqueName } from '../helpers/cloud-api.js';
import { serveFiles, type DataServer } from './glance-v2-commands-fixtures.js';

const PREFIX = uniqueName('update-data');
const DATA = randomBytes(300 * 1024);
let file: string;
let server: DataServer;

beforeAll(async () => {
  file = join(mkdtempSync(join(tmpdir(), 'osc-update-data-')), 'disk.raw');
  writeFileSync(file, DATA);
  server = await serveFiles({ '/disk.raw': DATA });
});
afterAll(async () => {
  await server?.close();
  await deleteImagesNamed(PREFIX);
});

const glance = (args: string[], input?: Buffer) => runCli('glance', args, { env: adminEnv(), input });
const md5 = (data: Buffer): string => createHash('md5').update(data).digest('hex');

describe('image-update with v1 data flags', () => {
  it('--file uploads to a queued image, with other fields, and prints the runbook record', async () => {
    const image = await createImage(`${PREFIX}-file`);
    expect(image.status).toBe('queued');
    const r = await glance(['image-update', '--file', file, '--min-disk', '2', image.id]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`\\| checksum\\s+\\| ${md5(DATA)}\\s+\\|`));
    expect(r.stdout).toMatch(/\| status\s+\| active\s+\|/);
    expect(r.stdout).toMatch(/\| min_disk\s+\| 2\s+\|/);
    const [stored] = await imagesNamed(`${PREFIX}-file`);
    expect([stored!.status, stored!.size, stored!.checksum, stored!.os_hash_value]).toEqual([
      'active',
      DATA.length,
      md5(DATA),
      createHash('sha512').update(DATA).digest('hex'),
    ]);
  });

  it('--copy-from imports the URL into a queued image', async () => {
    const image = await createImage(`${PREFIX}-copy`);
    const r = await glance(['image-update', '--copy-from', server.url('/disk.raw'), image.id]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [stored] = await imagesNamed(`${PREFIX}-copy`);
    expect([stored!.status, stored!.checksum]).toEqual(['active', md5(DATA)]);
  });

  it('an image that already has data is refused before anything changes', async () => {
    const image = await createImage(`${PREFIX}-active`, DATA.subarray(0, 1024));
    const r = await glance(['image-update', '--file', file, '--name', `${PREFIX}-renamed`, image.id]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Image ${image.id} is active: --file can give data only to an image that has none yet (status queued).\n`);
    expect(await imagesNamed(`${PREFIX}-renamed`)).toEqual([]);
    expect((await imagesNamed(`${PREFIX}-active`))[0]!.size).toBe(1024);
  });

  it('a checksum mismatch fails loudly and leaves the image (this command did not create it)', async () => {
    const image = await createImage(`${PREFIX}-mismatch`);
    const r = await glance(['image-update', '--file', file, '--checksum', '0'.repeat(32), image.id]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Checksum mismatch: --checksum ${'0'.repeat(32)} but the uploaded data's MD5 is ${md5(DATA)}.\n`);
    expect((await imagesNamed(`${PREFIX}-mismatch`)).map((i) => i.id)).toEqual([image.id]);
  });

  it('two data flags are a usage error; stdin is never taken as data', async () => {
    const image = await createImage(`${PREFIX}-usage`);
    const both = await glance(['image-update', '--file', file, '--copy-from', server.url('/disk.raw'), image.id]);
    expect([both.code, both.stderr]).toEqual([1, 'error: --file and --copy-from both give the image data: use one.\n']);
    const piped = await glance(['image-update', '--name', `${PREFIX}-usage`, image.id], DATA);
    expect(piped.code).toBe(0);
    expect((await imagesNamed(`${PREFIX}-usage`))[0]!.status).toBe('queued');
  });
});

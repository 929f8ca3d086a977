// --store (or OS_IMAGE_STORE) is checked against the cloud's stores before anything is created or
// sent, as python-glanceclient does: a store the cloud does not have is one line and exit 1. The
// proxy answers GET /v2/info/stores itself: with stores fast and cheap, or with the 404 of a
// single-store cloud (then any --store passes the check, as in glanceclient).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';
import { createImage, deleteImagesNamed, imagesNamed, uniqueName } from '../helpers/cloud-api.js';
import { startCloudProxies, type CloudProxies } from '../helpers/fault-proxy.js';

const PREFIX = uniqueName('store-check');
const STORES = JSON.stringify({ stores: [{ id: 'fast', default: true }, { id: 'cheap' }] });
const NOT_VALID = "Store 'nope' is not valid for this cloud. Valid values can be retrieved with stores-info command.\n";
let proxies: CloudProxies;
let file: string;

beforeAll(async () => {
  proxies = await startCloudProxies(adminEnv());
  file = join(mkdtempSync(join(tmpdir(), 'osc-store-check-')), 'disk.raw');
  writeFileSync(file, randomBytes(64 * 1024));
});
afterAll(async () => {
  await proxies.close();
  await deleteImagesNamed(PREFIX);
});
beforeEach(() => {
  proxies.reset();
  proxies.glance.add({ method: 'GET', path: '/v2/info/stores', action: { kind: 'status', status: 200, body: STORES } });
});

const create = (name: string, ...extra: string[]): string[] => [
  'image-create',
  '--name',
  name,
  '--disk-format',
  'raw',
  '--container-format',
  'bare',
  '--file',
  file,
  ...extra,
];

describe('--store is checked before anything is created', () => {
  it('image-create --store with a store the cloud lacks: one line, exit 1, no image', async () => {
    const name = `${PREFIX}-create`;
    const r = await runCli('glance', create(name, '--store', 'nope'), { env: proxies.env() });
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', NOT_VALID]);
    expect(proxies.glance.count('GET', '/v2/info/stores')).toBe(1);
    expect(proxies.glance.count('POST', '/v2/images')).toBe(0);
    expect(await imagesNamed(name)).toEqual([]);
  });

  it('OS_IMAGE_STORE counts as --store', async () => {
    const r = await runCli('glance', create(`${PREFIX}-env`), { env: proxies.env({ OS_IMAGE_STORE: 'nope' }) });
    expect([r.code, r.stderr]).toEqual([1, NOT_VALID]);
    expect(proxies.glance.count('POST', '/v2/images')).toBe(0);
  });

  it('image-upload --store with a store the cloud lacks: nothing is sent', async () => {
    const image = await createImage(`${PREFIX}-upload`);
    const r = await runCli('glance', ['image-upload', '--file', file, '--store', 'nope', image.id], { env: proxies.env() });
    expect([r.code, r.stderr]).toEqual([1, NOT_VALID]);
    expect(proxies.glance.requests.filter((q) => q.method === 'PUT')).toEqual([]);
  });

  it('a store the cloud has passes the check and the upload goes on', async () => {
    const name = `${PREFIX}-known`;
    const r = await runCli('glance', create(name, '--store', 'fast'), { env: proxies.env() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(proxies.glance.count('GET', '/v2/info/stores')).toBe(1);
    expect(proxies.glance.count('POST', '/v2/images')).toBe(1);
    expect((await imagesNamed(name)).map((i) => i.status)).toEqual(['active']);
  });

  it('on a single-store cloud (stores answer 404) the check is skipped and the upload goes on, as in glanceclient', async () => {
    proxies.reset();
    proxies.glance.add({ method: 'GET', path: '/v2/info/stores', action: { kind: 'status', status: 404 } });
    const name = `${PREFIX}-single`;
    // A store the (multi-store) cloud behind the proxy has, so the upload itself succeeds.
    const r = await runCli('glance', create(name, '--store', 'cheap'), { env: proxies.env() });
    expect(r.code).toBe(0);
    expect(proxies.glance.count('GET', '/v2/info/stores')).toBe(1);
    expect((await imagesNamed(name)).map((i) => i.status)).toEqual(['active']);
  });
});

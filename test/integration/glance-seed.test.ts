// glance image-seed on the real local cloud: a manifest of files made by qemu-img and URLs served
// from a loopback server (one with a wrong checksum, one unsafe): the right images created, the
// wrong ones refused, nothing left over; the same manifest again creates nothing (image count,
// requests to Glance and to the URL server); SIGTERM in the middle leaves no image.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_HOME, ROOT } from '../helpers/cli.js';
import type { SeenRequest } from '../helpers/fault-proxy.js';
import { deleteNamed, env, glance, idsNamed, randomFile, unique, WORK } from './glance-helpers.js';

const prefix = unique('seed');
const names = (...suffixes: string[]): string[] => suffixes.map((s) => `${prefix}-${s}`);
const ALL: string[] = names('qcow2', 'raw', 'vmdk', 'url-raw', 'url-qcow2', 'url-wrong-sum', 'unsafe');
afterAll(() => deleteNamed(...ALL, ...names('stalled-1', 'stalled-2', 'stalled-3', 'stalled-4', 'stalled-5')));

const make = (format: string, file: string, ...extra: string[]): string => {
  const path = join(WORK, `${prefix}-${file}`);
  execFileSync('qemu-img', ['create', '-q', '-f', format, ...extra, path, '2M']);
  return path;
};
const hash = (algorithm: string, path: string): string => createHash(algorithm).update(readFileSync(path)).digest('hex');

/** Serves WORK's files (Range too, as web servers do), counting requests by path. */
let server: Server;
let base: string;
const requests: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}${req.headers.range ? ' (range)' : ''}`);
    const path = join(WORK, decodeURIComponent(new URL(req.url!, 'http://x').pathname));
    const size = statSync(path).size;
    const range = /^bytes=0-(\d+)$/.exec(req.headers.range ?? '');
    if (range) {
      const end = Math.min(Number(range[1]), size - 1);
      res.writeHead(206, { 'Content-Range': `bytes 0-${end}/${size}`, 'Content-Length': end + 1 });
      createReadStream(path, { start: 0, end }).pipe(res);
    } else {
      res.writeHead(200, { 'Content-Length': size });
      createReadStream(path).pipe(res);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

/** Images with this run's names: the shared cloud's other images come and go with other tests. */
async function projectImageCount(): Promise<number> {
  const res = await glance(['image-list', '-f', 'value', '-c', 'Name']);
  expect(res.code).toBe(0);
  return res.stdout.split('\n').filter((name) => name.startsWith(`${prefix}-`)).length;
}

const seed = (manifest: string, ...args: string[]) => glance(['image-seed', manifest, ...args], {}, undefined);

/** A manifest of random files of `bytes` each (dated a minute back), one image per suffix, the names cleaned up afterwards, and a hash cache of its own. */
function filesManifest(suffixes: string[], bytes: number): { names: string[]; files: string[]; manifest: string; cache: string } {
  const seeded = names(...suffixes);
  ALL.push(...seeded);
  const files = seeded.map((name) => randomFile(bytes, name));
  const manifest = join(WORK, `${seeded[0]}.yaml`);
  writeFileSync(manifest, `images:\n${seeded.map((name) => `  - {name: ${name}, file: ${name}.raw, disk_format: raw}\n`).join('')}`);
  return { names: seeded, files, manifest, cache: join(WORK, `${seeded[0]}-cache`) };
}

/** filesManifest of one file. */
function oneFileManifest(suffix: string, bytes: number): { name: string; file: string; manifest: string; cache: string } {
  const {
    names: [name],
    files: [file],
    manifest,
    cache,
  } = filesManifest([suffix], bytes);
  return { name: name!, file: file!, manifest, cache };
}

/** The image uploads a fault proxy saw, in order. */
const uploadsSeen = (proxy: { requests: SeenRequest[] }): SeenRequest[] => proxy.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/file'));

/** A fault proxy in front of the cloud's Glance. */
async function glanceProxy() {
  const { FaultProxy } = await import('../helpers/fault-proxy.js');
  const { cloud } = await import('../helpers/cloud.js');
  return FaultProxy.start(cloud().glance_url);
}

describe('image-seed of a manifest of 7 images', () => {
  let manifest: string;
  let rows: Array<Record<string, unknown>>;
  let before: number;

  beforeAll(async () => {
    const qcow2 = make('qcow2', 'a.qcow2');
    const raw = randomFile(3 * 1024 * 1024, `${prefix}-b`);
    const vmdk = make('vmdk', 'c.vmdk');
    const urlRaw = randomFile(2 * 1024 * 1024 + 17, `${prefix}-d`);
    const urlQcow2 = make('qcow2', 'e.qcow2');
    const base2 = make('raw', 'base.raw');
    const unsafe = make('qcow2', 'unsafe.qcow2', '-b', base2, '-F', 'raw');
    const rel = (path: string): string => path.slice(WORK.length + 1);
    manifest = join(WORK, `${prefix}.yaml`);
    writeFileSync(
      manifest,
      [
        'images:',
        `  - {name: ${prefix}-qcow2, file: ${rel(qcow2)}}`,
        `  - {name: ${prefix}-raw, file: ${rel(raw)}, disk_format: raw, checksum: "sha256:${hash('sha256', raw)}", tags: [ci], properties: {os_distro: cirros}}`,
        `  - {name: ${prefix}-vmdk, file: ${rel(vmdk)}, min_disk: 1}`,
        `  - {name: ${prefix}-url-raw, url: "${base}/${rel(urlRaw)}", disk_format: raw, checksum: "sha512:${hash('sha512', urlRaw)}"}`,
        `  - {name: ${prefix}-url-qcow2, url: "${base}/${rel(urlQcow2)}", disk_format: qcow2, checksum: "md5:${hash('md5', urlQcow2)}"}`,
        `  - {name: ${prefix}-url-wrong-sum, url: "${base}/${rel(urlRaw)}", disk_format: raw, checksum: "sha256:${'0'.repeat(64)}"}`,
        `  - {name: ${prefix}-unsafe, file: ${rel(unsafe)}}`,
      ].join('\n') + '\n',
    );
    before = await projectImageCount();
  }, 60_000);

  it('creates the right ones, refuses the wrong ones, leaves nothing over, exit 1', async () => {
    const res = await seed(manifest, '-f', 'json');
    expect(res.code).toBe(1);
    rows = JSON.parse(res.stdout) as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.Name, r.Action])).toEqual([
      [`${prefix}-qcow2`, 'created'],
      [`${prefix}-raw`, 'created'],
      [`${prefix}-vmdk`, 'created'],
      [`${prefix}-url-raw`, 'created'],
      [`${prefix}-url-qcow2`, 'created'],
      [`${prefix}-url-wrong-sum`, 'failed'],
      [`${prefix}-unsafe`, 'failed'],
    ]);
    const lines = res.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${prefix}-url-wrong-sum: checksum mismatch: ${base}/\\S+ has sha256 [0-9a-f]{64}, the manifest says 0{64}; image [0-9a-f-]{36} was deleted$`,
      ),
    );
    expect(lines[1]).toBe(`${prefix}-unsafe: ${join(WORK, `${prefix}-unsafe.qcow2`)} is unsafe to upload: the qcow2 image has a backing file`);
    expect(await projectImageCount()).toBe(before + 5);
    expect(await idsNamed(`${prefix}-url-wrong-sum`)).toEqual([]);
    expect(await idsNamed(`${prefix}-unsafe`)).toEqual([]);
    // Each as the manifest says, its format detected where the manifest left it to auto.
    const formats = await glance(['image-list', '--name', `${prefix}-vmdk`, '-f', 'value', '-c', 'Disk Format']);
    expect(formats.stdout.trim()).toBe('vmdk');
  }, 120_000);

  it('the same manifest again creates nothing: no change on Glance, no URL read', async () => {
    requests.length = 0;
    const res = await glance(['--debug', 'image-seed', manifest, '-f', 'json']);
    expect(res.code).toBe(1);
    const again = JSON.parse(res.stdout) as Array<Record<string, unknown>>;
    expect(again.map((r) => [r.Name, r.Action, r.ID])).toEqual(
      rows.map((r) => [r.Name, r.Action === 'created' ? 'reused' : r.Action, r.Action === 'created' ? r.ID : null]),
    );
    const sent = res.stderr.split('\n').filter((l) => l.startsWith('REQ: curl'));
    const changes = sent.filter((l) => !/ -X GET /.test(l));
    // Only the wrong checksum's image is made (and deleted) again: its data must be read to be refused.
    expect(changes.map((l) => / -X (\w+) /.exec(l)?.[1])).toEqual(['POST', 'PUT', 'DELETE']);
    expect(requests).toEqual([`GET /${prefix}-d.raw (range)`, `GET /${prefix}-d.raw`]);
    expect(await projectImageCount()).toBe(before + 5);
  }, 120_000);
});

describe('image-seed on a fresh CI runner (empty hash cache)', () => {
  it('hashes the files, finds every image, uploads nothing; images record the data as openstacksdk does', async () => {
    const manifest = join(WORK, `${prefix}-fresh.yaml`);
    const [name] = names('fresh');
    ALL.push(name!);
    const file = randomFile(1024 * 1024 + 3, name);
    writeFileSync(manifest, `images:\n  - {name: ${name}, file: ${name}.raw, disk_format: raw}\n`);
    const first = await seed(manifest, '-f', 'json');
    expect(first.code).toBe(0);
    const [made] = JSON.parse(first.stdout) as Array<Record<string, unknown>>;
    expect(made!.Action).toBe('created');
    // Uploaded in one read (nothing of the name to reuse): md5 from Glance, sha256 computed on the way.
    const shown = await glance(['--os-image-api-version', '2', 'image-show', String(made!.ID)]);
    expect(shown.stdout).toMatch(new RegExp(`\\| owner_specified\\.openstack\\.md5 +\\| ${hash('md5', file)} `));
    expect(shown.stdout).toMatch(new RegExp(`\\| owner_specified\\.openstack\\.sha256 +\\| ${hash('sha256', file)} `));
    expect(shown.stdout).toMatch(new RegExp(`\\| owner_specified\\.openstack\\.object +\\| images/${name} `));
    const fresh = await glance(['--debug', 'image-seed', manifest, '-f', 'json'], { XDG_CACHE_HOME: join(WORK, `${prefix}-empty-cache`) });
    expect(fresh.code).toBe(0);
    expect((JSON.parse(fresh.stdout) as Array<Record<string, unknown>>).map((r) => [r.Action, r.ID])).toEqual([['reused', made!.ID]]);
    // Its token cache is empty too: the token request aside, nothing but GETs.
    const changes = fresh.stderr.split('\n').filter((l) => l.startsWith('REQ: curl') && !/ -X GET /.test(l) && !l.includes('/v3/auth/tokens'));
    expect(changes).toEqual([]);
  }, 120_000);
});

describe('image-seed of a file written a moment ago', () => {
  it('records no hash-cache entry (a coarse clock could hide a write in the same tick); the re-run hashes it and reuses the image', async () => {
    const { file, manifest, cache } = oneFileManifest('just-written', 1024 * 1024);
    const now = new Date();
    utimesSync(file, now, now);
    const first = await glance(['image-seed', manifest, '-f', 'json'], { XDG_CACHE_HOME: cache }, undefined);
    expect([first.code, first.stderr]).toEqual([0, '']);
    const [made] = JSON.parse(first.stdout) as Array<Record<string, unknown>>;
    expect(made!.Action).toBe('created');
    const hashes = join(cache, 'openstack-classic-cli', 'hashes');
    expect(existsSync(hashes) ? readdirSync(hashes) : []).toEqual([]);
    const again = await glance(['image-seed', manifest, '-f', 'json'], { XDG_CACHE_HOME: cache }, undefined);
    expect((JSON.parse(again.stdout) as Array<Record<string, unknown>>).map((r) => [r.Action, r.ID])).toEqual([['reused', made!.ID]]);
    // Found by hashing the file (nothing in the cache), and still not recorded: it is still under 2 s old.
    expect(existsSync(hashes) ? readdirSync(hashes) : []).toEqual([]);
    // Once its time is old enough, a run records it.
    const older = new Date(Date.now() - 3000);
    utimesSync(file, older, older);
    const later = await glance(['image-seed', manifest, '-f', 'json'], { XDG_CACHE_HOME: cache }, undefined);
    expect((JSON.parse(later.stdout) as Array<Record<string, unknown>>).map((r) => r.Action)).toEqual(['reused']);
    expect(readdirSync(hashes)).toHaveLength(1);
  }, 120_000);
});

describe('image-seed --parallel 2 of 6 files', () => {
  it("sends each parallel worker's uploads on a connection of its own, used for nothing else", async () => {
    const proxy = await glanceProxy();
    const { manifest, cache } = filesManifest(['lane-1', 'lane-2', 'lane-3', 'lane-4', 'lane-5', 'lane-6'], 64 * 1024);
    try {
      const res = await glance(['image-seed', manifest, '--parallel', '2', '-f', 'json'], { XDG_CACHE_HOME: cache, OS_IMAGE_URL: proxy.url }, undefined);
      expect(res.code).toBe(0);
      const uploads = uploadsSeen(proxy);
      expect(uploads).toHaveLength(6);
      const lanes = new Set(uploads.map((r) => r.clientPort));
      expect(lanes.size).toBe(2);
      // The other requests (lookups, creates, records) go on the shared connections, never a lane's.
      const others = proxy.requests.filter((r) => !uploads.includes(r));
      expect(others.filter((r) => lanes.has(r.clientPort))).toEqual([]);
    } finally {
      await proxy.close();
    }
  }, 120_000);
});

describe('image-seed when the server closes a kept-alive connection as an upload goes out on it', () => {
  it('sends that upload again on a new connection, hashed afresh: every image created, right', async () => {
    // The race a server's keep-alive timeout makes, on demand: the second upload on the lane's
    // connection is reset as it arrives, nothing of it read. Before, that image failed ("connection reset").
    const proxy = await glanceProxy();
    proxy.add({ method: 'PUT', path: /\/file$/, after: 1, times: 1, action: { kind: 'reset' } });
    const { names: seeded, files, manifest, cache } = filesManifest(['stale-1', 'stale-2', 'stale-3'], 256 * 1024 + 3);
    try {
      const res = await glance(['image-seed', manifest, '--parallel', '1', '-f', 'json'], { XDG_CACHE_HOME: cache, OS_IMAGE_URL: proxy.url }, undefined);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect((JSON.parse(res.stdout) as Array<Record<string, unknown>>).map((r) => r.Action)).toEqual(['created', 'created', 'created']);
      const uploads = uploadsSeen(proxy);
      expect(uploads.map((r) => r.fault)).toEqual([undefined, 'reset', undefined, undefined]);
      // The reset one was on the first upload's connection; it went again on a new one, which the lane then kept.
      expect(uploads[1]!.clientPort).toBe(uploads[0]!.clientPort);
      expect(uploads[2]!.clientPort).not.toBe(uploads[0]!.clientPort);
      expect(uploads[3]!.clientPort).toBe(uploads[2]!.clientPort);
      for (const [i, name] of seeded.entries()) {
        const [id] = await idsNamed(name);
        const image = JSON.parse((await glance(['--os-image-api-version', '2', 'image-show', id!, '-f', 'json'], {}, undefined)).stdout) as Record<
          string,
          unknown
        >;
        expect(image.checksum).toBe(hash('md5', files[i]!));
        expect(image['owner_specified.openstack.sha256']).toBe(hash('sha256', files[i]!));
      }
    } finally {
      await proxy.close();
    }
  }, 120_000);
});

describe('image-seed through a proxy that alters the upload', () => {
  it("refuses the image (Glance's md5 is not the file's), deletes it, records no hashes; the re-run through a sound path creates it right", async () => {
    const proxy = await glanceProxy();
    proxy.add({ method: 'PUT', path: /\/file$/, action: { kind: 'corrupt-request', atByte: 1000 } });
    const { name, file, manifest, cache } = oneFileManifest('altered', 1024 * 1024 + 7);
    try {
      const altered = await glance(['image-seed', manifest, '-f', 'json'], { XDG_CACHE_HOME: cache, OS_IMAGE_URL: proxy.url }, undefined);
      expect(altered.code).toBe(1);
      expect(altered.stderr).toMatch(
        new RegExp(
          `^${name}: ${name}\\.raw was not stored as read \\(sent 1048583 bytes with MD5 ${hash('md5', file)}, Glance has 1048583 bytes with MD5 [0-9a-f]{32}, active; or the file changed\\): seed it again; image [0-9a-f-]{36} was deleted\\.?\n$`,
        ),
      );
      expect(await idsNamed(name!)).toEqual([]);
      const hashes = join(cache, 'openstack-classic-cli', 'hashes');
      expect(existsSync(hashes) ? readdirSync(hashes) : []).toEqual([]);
    } finally {
      await proxy.close();
    }
    const sound = await glance(['image-seed', manifest, '-f', 'json'], { XDG_CACHE_HOME: cache }, undefined);
    expect(sound.code).toBe(0);
    const [row] = JSON.parse(sound.stdout) as Array<Record<string, unknown>>;
    expect(row!.Action).toBe('created');
    const shown = JSON.parse((await glance(['--os-image-api-version', '2', 'image-show', '-f', 'json', String(row!.ID)])).stdout) as Record<string, unknown>;
    expect([shown.checksum, shown.os_hash_value]).toEqual([hash('md5', file), hash('sha512', file)]);
  }, 120_000);
});

describe('image-seed on a cloud whose os_hash_algo is not sha512', () => {
  it("creates the image in one read with openstacksdk's properties, leaves the hash cache alone, and a re-run reuses it", async () => {
    const proxy = await glanceProxy();
    // Glance with `hashing_algorithm = sha256`, as far as the client can tell.
    const asSha256 = (image: Record<string, unknown>) => ({ ...image, os_hash_algo: 'sha256', os_hash_value: 'f'.repeat(64) });
    proxy.add({ method: 'GET', path: /^\/v2\/images\/[0-9a-f-]{36}$/, action: { kind: 'edit-json', edit: asSha256 } });
    const { file, manifest, cache } = oneFileManifest('other-hash-algo', 1024 * 1024 + 5);
    const viaProxy = { XDG_CACHE_HOME: cache, OS_IMAGE_URL: proxy.url };
    try {
      const first = await glance(['image-seed', manifest, '-f', 'json'], viaProxy, undefined);
      expect([first.code, first.stderr]).toEqual([0, '']);
      const [made] = JSON.parse(first.stdout) as Array<Record<string, unknown>>;
      expect(made!.Action).toBe('created');
      const shown = JSON.parse((await glance(['--os-image-api-version', '2', 'image-show', '-f', 'json', String(made!.ID)])).stdout) as Record<string, unknown>;
      expect([shown.status, shown['owner_specified.openstack.md5'], shown['owner_specified.openstack.sha256']]).toEqual([
        'active',
        hash('md5', file),
        hash('sha256', file),
      ]);
      // No sha512 to find the image by: no entry (a re-run hashes the file).
      const hashes = join(cache, 'openstack-classic-cli', 'hashes');
      expect(existsSync(hashes) ? readdirSync(hashes) : []).toEqual([]);
      const again = await glance(['image-seed', manifest, '-f', 'json'], viaProxy, undefined);
      expect(again.code).toBe(0);
      expect((JSON.parse(again.stdout) as Array<Record<string, unknown>>).map((r) => [r.Action, r.ID])).toEqual([['reused', made!.ID]]);
    } finally {
      await proxy.close();
    }
  }, 120_000);
});

describe('image-seed to several stores', () => {
  it('stages the file and imports it into each store, the data verified', async () => {
    const [name] = names('stores');
    ALL.push(name!);
    const file = randomFile(1024 * 1024, name);
    const manifest = join(WORK, `${name}.yaml`);
    writeFileSync(manifest, `images:\n  - {name: ${name}, file: ${name}.raw, disk_format: raw, checksum: "md5:${hash('md5', file)}", stores: [fast, cheap]}\n`);
    const res = await seed(manifest, '-f', 'json');
    expect([res.code, res.stderr]).toEqual([0, '']);
    const [row] = JSON.parse(res.stdout) as Array<Record<string, unknown>>;
    expect(row!.Action).toBe('created');
    const shown = JSON.parse((await glance(['--os-image-api-version', '2', 'image-show', '-f', 'json', String(row!.ID)])).stdout) as Record<string, unknown>;
    expect(String(shown.stores).split(',').sort()).toEqual(['cheap', 'fast']);
    expect(shown.os_hash_value).toBe(hash('sha512', file));
  }, 120_000);
});

describe('a manifest the cloud refuses', () => {
  it('is refused whole before any upload: a value the image schema refuses, an unknown store, each with its line', async () => {
    const [good, bad, store] = names('ok', 'bad-format', 'bad-store');
    randomFile(4096, good);
    const manifest = join(WORK, `${good}.yaml`);
    writeFileSync(
      manifest,
      `images:\n  - {name: ${good}, file: ${good}.raw}\n  - {name: ${bad}, file: ${good}.raw, disk_format: qcow3}\n  - {name: ${store}, file: ${good}.raw, stores: [nowhere]}\n`,
    );
    const res = await seed(manifest);
    expect([res.code, res.stdout]).toEqual([1, '']);
    expect(res.stderr).toBe(
      `${manifest}:3: Unable to set 'disk_format' to 'qcow3'. Reason: 'qcow3' is not one of [None, 'ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop']\n` +
        `${manifest}:4: Store 'nowhere' is not valid for this cloud. Valid values can be retrieved with stores-info command.\n`,
    );
    for (const name of [good, bad, store]) expect(await idsNamed(name!)).toEqual([]);
  }, 60_000);
});

describe('SIGTERM in the middle of a seed', () => {
  it('deletes every image it made (uploads and staged URLs in flight), starts no more, exits 143', async () => {
    const { FaultProxy } = await import('../helpers/fault-proxy.js');
    const { cloud } = await import('../helpers/cloud.js');
    const proxy = await FaultProxy.start(cloud().glance_url);
    proxy.add({ method: 'PUT', path: /\/(file|stage)$/, action: { kind: 'stall-upload' } });
    const stalled = names('stalled-1', 'stalled-2', 'stalled-3', 'stalled-4', 'stalled-5');
    const files = stalled.map((name) => randomFile(4 * 1024 * 1024, name));
    const manifest = join(WORK, `${prefix}-stalled.yaml`);
    const rel = (path: string): string => path.slice(WORK.length + 1);
    writeFileSync(
      manifest,
      `images:\n  - {name: ${stalled[0]}, url: "${base}/${rel(files[0]!)}", disk_format: raw}\n` +
        stalled
          .slice(1)
          .map((name, i) => `  - {name: ${name}, file: ${rel(files[i + 1]!)}, disk_format: raw}\n`)
          .join(''),
    );
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'glance'), 'image-seed', manifest, '--parallel', '2'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: CACHE_HOME, ...env({ OS_IMAGE_URL: proxy.url }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Two images being filled (their data stalled at the proxy), the other three waiting their turn.
    for (let i = 0; i < 200 && proxy.requests.filter((r) => r.method === 'PUT').length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    const made = [...(await idsNamed(stalled[0]!)), ...(await idsNamed(stalled[1]!))];
    expect(made).toHaveLength(2);
    const code = await new Promise<number | null>((resolve) => {
      child.on('close', resolve);
      child.kill('SIGTERM');
    });
    await proxy.close();
    expect(code).toBe(143);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toBe('... terminating (SIGTERM)');
    expect(lines).toHaveLength(3);
    for (const id of made)
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^Seeding of ${prefix}-stalled-[12] interrupted: image ${id} was deleted\\.$`)));
    for (const name of stalled) expect(await idsNamed(name)).toEqual([]);
    expect(proxy.requests.filter((r) => r.method === 'POST' && r.path === '/v2/images')).toHaveLength(2);
  }, 120_000);
});

describe('a URL server that fails in the middle of the body', () => {
  /** Answers the 1 MiB ranged GET in full, then the whole GET with 1 MiB of the 2 MiB it announces, and hangs up or goes quiet. */
  let failing: Server;
  let failingBase: string;
  beforeAll(async () => {
    const head = Buffer.alloc(1024 * 1024, 7);
    failing = createServer((req, res) => {
      if (req.headers.range) {
        res.writeHead(206, { 'Content-Range': `bytes 0-${head.length - 1}/${2 * head.length}`, 'Content-Length': head.length });
        res.end(head);
        return;
      }
      res.writeHead(200, { 'Content-Length': 2 * head.length });
      res.write(head);
      if (req.url === '/dies') setTimeout(() => res.socket?.destroy(), 200);
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    failingBase = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    // The stalled answers are open still: close() alone would wait for them.
    failing.closeAllConnections();
    failing.close();
  });

  it.each([
    ['dies', [], 'the server closed the connection'],
    ['stalls', ['--timeout', '2'], 'nothing came for --timeout 2 s'],
  ])(
    '%s: the line blames the download, not Glance; the staged image is deleted',
    async (path, flags, cause) => {
      const [name] = names(`url-${path}`);
      ALL.push(name!);
      const manifest = join(WORK, `${name}.yaml`);
      writeFileSync(manifest, `images:\n  - {name: ${name}, url: "${failingBase}/${path}", disk_format: raw}\n`);
      const res = await glance([...flags, 'image-seed', manifest, '-f', 'value']);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(new RegExp(`^${name}: the download of ${failingBase}/${path} broke off \\(${cause}\\); image [0-9a-f-]{36} was deleted\n$`));
      expect(await idsNamed(name!)).toEqual([]);
    },
    60_000,
  );
});

describe('an image name with a line break', () => {
  it('cannot forge a line of its own on stderr: its failure stays one line, the break shown as \\n', async () => {
    const [name] = names('line-break');
    const backing = make('raw', 'lb-base.raw');
    make('qcow2', 'lb.qcow2', '-b', backing, '-F', 'raw');
    const manifest = join(WORK, `${name}.yaml`);
    writeFileSync(manifest, `images:\n  - {name: "${name}\\nother: created", file: ${prefix}-lb.qcow2}\n`);
    const res = await seed(manifest, '-f', 'value');
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`${name}\\nother: created: ${join(WORK, `${prefix}-lb.qcow2`)} is unsafe to upload: the qcow2 image has a backing file\n`);
  }, 60_000);
});

describe('image-seed --rotate', () => {
  it('replaces: new data under a name makes a new image, and the older one is hidden once it is active', async () => {
    const [name] = names('rotated');
    ALL.push(name!);
    const file = join(WORK, `${name}.raw`);
    const manifest = join(WORK, `${name}.yaml`);
    writeFileSync(manifest, `images:\n  - {name: ${name}, file: ${name}.raw, disk_format: raw}\n`);
    writeFileSync(file, Buffer.alloc(1024 * 1024, 1));
    const first = await seed(manifest, '--rotate', 'hide', '-f', 'json');
    expect([first.code, first.stderr]).toEqual([0, '']);
    const [old] = JSON.parse(first.stdout) as Array<Record<string, unknown>>;
    expect(old!.Action).toBe('created');
    writeFileSync(file, Buffer.alloc(1024 * 1024, 2));
    const second = await seed(manifest, '--rotate', 'hide', '-f', 'json');
    expect(second.code).toBe(0);
    const [now] = JSON.parse(second.stdout) as Array<Record<string, unknown>>;
    expect(now!.Action).toBe('replaced');
    expect(second.stderr).toBe(`${name}: Rotated: hid older image ${name} (${old!.ID}).\n`);
    const shown = await glance(['--os-image-api-version', '2', 'image-show', String(old!.ID)]);
    expect(shown.stdout).toMatch(/\| os_hidden\s+\| True\s+\|/);
    // Hidden images are left out of a listing: only the new one shows under the name.
    expect(await idsNamed(name!)).toEqual([now!.ID]);
    await glance(['image-delete', String(old!.ID)]);
  }, 120_000);
});

describe('image-seed at a terminal', () => {
  it('draws a status line per image, rewritten in place, then the summary', async () => {
    const { runInPty } = await import('../helpers/pty.js');
    const [one, two] = names('tty-1', 'tty-2');
    ALL.push(one!, two!);
    randomFile(2 * 1024 * 1024, one);
    const manifest = join(WORK, `${one}.yaml`);
    writeFileSync(manifest, `images:\n  - {name: ${one}, file: ${one}.raw, disk_format: raw}\n  - {name: ${two}, file: zeros.raw}\n`);
    writeFileSync(join(WORK, 'zeros.raw'), Buffer.alloc(4096));
    // script(1)'s terminal reports no width: the lines are cut to 80 columns, not to nothing.
    const res = await runInPty('glance', ['image-seed', manifest], { env: env() });
    expect(res.code).toBe(0);
    const [id] = await idsNamed(one!);
    const [id2] = await idsNamed(two!);
    expect(res.stdout.startsWith(`${one}: `)).toBe(true);
    expect(res.stdout).toContain(`\u001b[2A\r\u001b[2K${one}: created ${id}\u001b[2B\r`);
    expect(res.stdout).toContain(`\u001b[1A\r\u001b[2K${two}: created ${id2}\u001b[1B\r`);
    expect(res.stdout).toMatch(new RegExp(`\\| ${one} +\\| ${id} \\| created \\| 2097152 \\|`));
  }, 120_000);
});

describe('image-seed in the v2 dialect (a command of ours: glanceclient has no parser for it)', () => {
  it('shows its own help and usage errors, not argparse\'s "invalid choice"', async () => {
    const help = await glance(['--os-image-api-version', '2', 'help', 'image-seed']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: glance image-seed \[options\] <MANIFEST>\n/);
    expect(help.stdout).toContain('--parallel <N>');
    const bad = await glance(['--os-image-api-version', '2', 'image-seed', 'm.yaml', '--parallel', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toContain('invalid choice');
    expect(bad.stderr).toContain("argument --parallel: invalid int value: '0'");
  }, 60_000);
});

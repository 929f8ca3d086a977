// image-create --reuse-existing on the real local cloud: a re-run uploads nothing and reads nothing
// (request log through a proxy, the hash cache's debug line, image count), images made by
// openstacksdk are recognised and recognise ours, --copy-from is looked up by its upstream
// checksum before anything is fetched, and --rotate hides or deletes older images only once the
// new one is active. Bad input: one line, its exit code, nothing created.
import { execFileSync, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { glanceApi } from '../helpers/cloud-api.js';
import { CACHE_HOME, ROOT, runCli } from '../helpers/cli.js';
import { runInPty } from '../helpers/pty.js';
import { oneLine, startCloudProxies, type CloudProxies } from '../helpers/fault-proxy.js';
import { env, field, glance, settle, unique } from './glance-helpers.js';

const WORK = mkdtempSync(join(tmpdir(), 'glance-reuse-'));
const PATCH_TYPE = 'application/openstack-images-v2.1-json-patch';
const FILE_PUT = /^\/v2\/images\/[^/]+\/file$/;
const sha = (algo: string, data: Buffer): string => createHash(algo).update(data).digest('hex');

let proxies: CloudProxies;
let server: Server;
let base: string;
const served: string[] = [];
const URL_DATA = randomBytes(300 * 1024);
const names: string[] = [];
const stalled: ServerResponse[] = [];

const named = (prefix: string): string => {
  const name = unique(`reuse-${prefix}`);
  names.push(name);
  return name;
};

/** Every image of this name, hidden ones too, oldest first. */
async function allNamed(name: string): Promise<Array<Record<string, any>>> {
  const images: Array<Record<string, any>> = [];
  for (const hidden of ['false', 'true']) {
    const r = await glanceApi('GET', `/v2/images?name=${encodeURIComponent(name)}&os_hidden=${hidden}&limit=100`);
    images.push(...r.json.images);
  }
  return images.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
}

/** The same images in the same state, in any order (Glance's created_at has whole seconds: ties). */
const sameImages = (a: Array<Record<string, any>>, b: Array<Record<string, any>>): boolean =>
  JSON.stringify(a.map((i) => JSON.stringify(i)).sort()) === JSON.stringify(b.map((i) => JSON.stringify(i)).sort());

function dataFile(bytes: Buffer, label = 'disk'): string {
  const path = join(mkdtempSync(join(WORK, 'f-')), `${label}.raw`);
  writeFileSync(path, bytes);
  settle(path);
  return path;
}

/** Through the proxies, so every Glance request is logged. */
const viaProxy = (args: string[], extra: Record<string, string> = {}) => runCli('glance', args, { env: proxies.env({ ...env(), ...extra }) });
const glanceRequests = (): string[] => proxies.glance.requests.map((r) => `${r.method} ${r.path}`);
const createArgs = (name: string, path: string, extra: string[] = []): string[] => [
  'image-create',
  '--name',
  name,
  '--disk-format',
  'raw',
  '--container-format',
  'bare',
  '--file',
  path,
  '--reuse-existing',
  ...extra,
];

beforeAll(async () => {
  proxies = await startCloudProxies(env());
  server = createServer((req, res) => {
    served.push(`${req.method} ${req.url}`);
    if (req.url === '/stall.raw') {
      // The inspection probe gets its bytes; Glance's own GET gets a part, then nothing more.
      if (req.headers.range)
        return void res.writeHead(206, { 'Content-Range': `bytes 0-4095/${URL_DATA.length}`, 'Content-Length': 4096 }).end(URL_DATA.subarray(0, 4096));
      res.writeHead(200, { 'Content-Length': URL_DATA.length }).write(URL_DATA.subarray(0, 4096));
      stalled.push(res);
      return;
    }
    if (req.url !== '/disk.raw') return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Length': URL_DATA.length }).end(URL_DATA);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(() => {
  proxies.reset();
  served.length = 0;
});

afterAll(async () => {
  for (const name of names)
    for (const image of await allNamed(name)) {
      if (image.protected) await glanceApi('PATCH', `/v2/images/${image.id}`, [{ op: 'replace', path: '/protected', value: false }], PATCH_TYPE);
      await glanceApi('DELETE', `/v2/images/${image.id}`);
    }
  await proxies.close();
  for (const res of stalled) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('--reuse-existing with --file', () => {
  it('a re-run creates nothing, uploads nothing and does not read the file again', async () => {
    const name = named('rerun');
    const data = randomBytes(2 * 1024 * 1024 + 5);
    const path = dataFile(data);
    const first = await viaProxy(['--debug', ...createArgs(name, path)]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`DEBUG: hashes of ${path} computed (${data.length} bytes read)`);
    expect(glanceRequests().filter((r) => FILE_PUT.test(r.split(' ')[1]!))).toHaveLength(1);
    const [image] = await allNamed(name);
    expect(image).toMatchObject({
      status: 'active',
      checksum: sha('md5', data),
      os_hash_value: sha('sha512', data),
      'owner_specified.openstack.md5': sha('md5', data),
      'owner_specified.openstack.sha256': sha('sha256', data),
      'owner_specified.openstack.object': `images/${name}`,
    });

    proxies.reset();
    const second = await viaProxy(['--debug', ...createArgs(name, path)]);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain(`DEBUG: hashes of ${path} from the hash cache (file not read)`);
    expect(second.stderr).toContain(`Reused image ${name} (${image!.id}): it already holds this data (matched by its os_hash_value); nothing was uploaded.\n`);
    // The same record as the first run printed, byte for byte; only GETs were sent.
    expect(second.stdout).toBe(first.stdout);
    expect(glanceRequests().every((r) => r.startsWith('GET '))).toBe(true);
    expect(await allNamed(name)).toHaveLength(1);
  });

  it('at a terminal the hashing shows a progress bar the first time, and none on the re-run (the file is not read)', async () => {
    const name = named('pty');
    const path = dataFile(randomBytes(3 * 1024 * 1024));
    const cache = mkdtempSync(join(WORK, 'xdg-pty-'));
    const first = await runInPty('glance', createArgs(name, path), { env: { ...env(), XDG_CACHE_HOME: cache } });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Hashing ${path}`);
    expect(first.stdout).toContain(`\r[${'='.repeat(29)}>] 100%`);
    const second = await runInPty('glance', createArgs(name, path), { env: { ...env(), XDG_CACHE_HOME: cache } });
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('Hashing');
    expect(second.stdout).not.toContain('100%');
    expect(second.stdout).toContain(`Reused image ${name} `);
  });

  it('the v2 dialect prints the reused image as image-show does, and stderr says it was reused', async () => {
    const name = named('v2');
    const path = dataFile(randomBytes(4096));
    const args = ['--os-image-api-version', '2', ...createArgs(name, path)];
    const first = await glance(args);
    expect(first.code).toBe(0);
    const id = field(first.stdout, 'id')!;
    const second = await glance(args);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe(`Reused image ${name} (${id}): it already holds this data (matched by its os_hash_value); nothing was uploaded.\n`);
    expect(second.stdout).toBe((await glance(['--os-image-api-version', '2', 'image-show', id])).stdout);
  });

  it('a name with a line break cannot forge stderr lines: the reuse and rotation lines stay one line each', async () => {
    const name = `${named('break')}\nReused image forged`;
    names.push(name);
    const path = dataFile(randomBytes(4096));
    const first = await glance(createArgs(name, path));
    expect(first.code).toBe(0);
    const again = await glance(createArgs(name, path));
    expect(again.code).toBe(0);
    expect(again.stderr.split('\n')).toHaveLength(2);
    expect(again.stderr).toMatch(/^Reused image reuse-break-\S+\\nReused image forged \(/);
    const rotated = await glance(createArgs(name, dataFile(randomBytes(4096)), ['--rotate', 'hide']));
    expect(rotated.code).toBe(0);
    expect(rotated.stderr.split('\n')).toHaveLength(2);
    expect(rotated.stderr).toMatch(/^Rotated: hid older image reuse-break-\S+\\nReused image forged \(/);
  });

  it('other data, another format or another name is not reused', async () => {
    const name = named('differs');
    const path = dataFile(randomBytes(4096));
    expect((await glance(createArgs(name, path))).code).toBe(0);
    expect((await glance(createArgs(name, dataFile(randomBytes(4096))))).code).toBe(0);
    const iso = await glance([
      'image-create',
      '--name',
      name,
      '--disk-format',
      'iso',
      '--container-format',
      'bare',
      '--file',
      path,
      '--reuse-existing',
      '--no-format-check',
    ]);
    expect(iso.code).toBe(0);
    expect(iso.stderr).toBe('');
    expect(await allNamed(name)).toHaveLength(3);
  });

  it('--owner: the image is looked up in that project, where it was made', async () => {
    const name = named('owner');
    const path = dataFile(randomBytes(4096));
    const projects = await runCli('keystone', ['tenant-list'], { env: env() });
    const services = /\| ([0-9a-f]{32}) \| +services +\|/.exec(projects.stdout)?.[1];
    expect(services).toMatch(/^[0-9a-f]{32}$/);
    const first = await glance(createArgs(name, path, ['--owner', services!]));
    expect(first.code).toBe(0);
    expect(field(first.stdout, 'owner')).toBe(services);
    const second = await glance(createArgs(name, path, ['--owner', services!]));
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/^Reused image /);
    expect(field(second.stdout, 'id')).toBe(field(first.stdout, 'id'));
    // Not in the token's own project: a plain re-run creates its own.
    expect((await glance(createArgs(name, path))).stderr).toBe('');
    expect(await allNamed(name)).toHaveLength(2);
  });

  it('a --checksum the file does not have is refused before anything is created', async () => {
    const name = named('bad-sum');
    const data = randomBytes(4096);
    const path = dataFile(data);
    const wrong = `sha256:${'0'.repeat(64)}`;
    const res = await glance(createArgs(name, path, ['--checksum', wrong]));
    expect(res.code).toBe(1);
    expect(oneLine(res.stderr)).toBe(`${path} does not match --checksum ${wrong}: its sha256 is ${sha('sha256', data)}.`);
    expect(await allNamed(name)).toEqual([]);
    const right = await glance(createArgs(name, path, ['--checksum', `sha512:${sha('sha512', data)}`]));
    expect(right.code).toBe(0);
  });
});

describe('openstacksdk convention', () => {
  const sdk = (name: string, path: string): string =>
    execFileSync(
      '/usr/bin/python3',
      [
        '-c',
        `import openstack, sys
conn = openstack.connect()
image = conn.image.create_image(sys.argv[1], filename=sys.argv[2], disk_format='raw', container_format='bare', validate_checksum=True, wait=True)
print(image.id)`,
        name,
        path,
      ],
      { env: { PATH: '/usr/bin:/bin', HOME: WORK, ...env() }, encoding: 'utf8' },
    ).trim();

  it('an image openstacksdk created is reused, and the SDK reuses ours', async () => {
    const theirs = named('sdk-made');
    const path = dataFile(randomBytes(100_000));
    const id = sdk(theirs, path);
    const res = await glance(createArgs(theirs, path));
    expect(res.code).toBe(0);
    expect(field(res.stdout, 'id')).toBe(id);
    expect(res.stderr).toMatch(/^Reused image /);

    const ours = named('cli-made');
    const created = await glance(createArgs(ours, path));
    expect(created.code).toBe(0);
    expect(sdk(ours, path)).toBe(field(created.stdout, 'id'));
    expect(await allNamed(ours)).toHaveLength(1);
  });

  it('the SDK properties alone are enough (an image whose stored data Glance converted, say)', async () => {
    const name = named('sdk-props');
    const data = randomBytes(8192);
    const path = dataFile(data);
    const made = await glanceApi('POST', '/v2/images', {
      name,
      disk_format: 'raw',
      container_format: 'bare',
      'owner_specified.openstack.md5': sha('md5', data),
      'owner_specified.openstack.sha256': sha('sha256', data),
      'owner_specified.openstack.object': `images/${name}`,
    });
    await glanceApi('PUT', `/v2/images/${made.json.id}/file`, randomBytes(100), 'application/octet-stream');
    const res = await glance(createArgs(name, path));
    expect(res.code).toBe(0);
    expect(res.stderr).toBe(
      `Reused image ${name} (${made.json.id}): it already holds this data (matched by openstacksdk's owner_specified.openstack properties); nothing was uploaded.\n`,
    );
    expect(await allNamed(name)).toHaveLength(1);
  });
});

describe('--reuse-existing with --copy-from', () => {
  it('is looked up by the upstream --checksum before anything is fetched', async () => {
    const name = named('copy');
    const args = ['image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare', '--copy-from', `${base}/disk.raw`, '--reuse-existing'];
    const sum = ['--checksum', `sha256:${sha('sha256', URL_DATA)}`];
    const first = await glance([...args, ...sum]);
    expect(first.code).toBe(0);
    expect(field(first.stdout, 'status')).toBe('active');
    expect(field(first.stdout, "Property 'owner_specified.openstack.sha256'")).toBe(sha('sha256', URL_DATA));
    expect(served.filter((r) => r === 'GET /disk.raw').length).toBeGreaterThan(0);
    served.length = 0;
    const second = await glance([...args, ...sum]);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/^Reused image .*matched by openstacksdk's owner_specified.openstack properties/);
    expect(served).toEqual([]);
    // sha512: Glance's own os_hash_value finds the same image.
    const third = await glance([...args, '--checksum', `sha512:${sha('sha512', URL_DATA)}`]);
    expect(third.stderr).toMatch(/matched by its os_hash_value/);
    expect(served).toEqual([]);
    expect(await allNamed(name)).toHaveLength(1);
  });

  it('data that does not have the --checksum leaves no image', async () => {
    const name = named('copy-bad');
    const res = await glance([
      'image-create',
      '--name',
      name,
      '--disk-format',
      'raw',
      '--container-format',
      'bare',
      '--copy-from',
      `${base}/disk.raw`,
      '--reuse-existing',
      '--checksum',
      `sha512:${'1'.repeat(128)}`,
    ]);
    expect(res.code).toBe(1);
    expect(oneLine(res.stderr)).toMatch(/^The data Glance stored for .*disk\.raw has a different sha512; image [0-9a-f-]{36} was deleted\.$/);
    expect(await allNamed(name)).toEqual([]);
  });
});

describe('image-create-via-import --reuse-existing', () => {
  it('glance-direct from a --file, and web-download from a --uri by its --checksum: the re-run creates nothing', async () => {
    const name = named('import');
    const path = dataFile(randomBytes(200_000));
    const direct = ['--os-image-api-version', '2', 'image-create-via-import', '--name', name, '--disk-format', 'raw', '--container-format', 'bare'];
    const first = await viaProxy([...direct, '--file', path, '--reuse-existing']);
    expect(first.code).toBe(0);
    expect(field(first.stdout, 'status')).toBe('active');
    proxies.reset();
    const second = await viaProxy([...direct, '--file', path, '--reuse-existing']);
    expect(second.code).toBe(0);
    expect(field(second.stdout, 'id')).toBe(field(first.stdout, 'id'));
    expect(glanceRequests().every((r) => r.startsWith('GET '))).toBe(true);

    const web = named('web');
    const args = [...direct.slice(0, 4), web, ...direct.slice(5), '--import-method', 'web-download', '--uri', `${base}/disk.raw`, '--reuse-existing'];
    const sum = ['--checksum', `md5:${sha('md5', URL_DATA)}`];
    const fetched = await glance([...args, ...sum]);
    expect(fetched.code).toBe(0);
    expect(field(fetched.stdout, 'status')).toBe('active');
    served.length = 0;
    const again = await glance([...args, ...sum]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/matched by its checksum/);
    expect(served).toEqual([]);
    expect(await allNamed(name)).toHaveLength(1);
    expect(await allNamed(web)).toHaveLength(1);
  });
});

describe('interrupted while waiting for the import', () => {
  it('SIGINT deletes the image it created, says so, and exits 130', async () => {
    const name = named('interrupt');
    const child = spawn(
      join(ROOT, 'bin', 'glance'),
      [
        ...['--os-image-api-version', '2', 'image-create-via-import', '--name', name, '--disk-format', 'raw', '--container-format', 'bare'],
        ...['--import-method', 'web-download', '--uri', `${base}/stall.raw`, '--reuse-existing', '--checksum', `sha256:${sha('sha256', URL_DATA)}`],
      ],
      { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: WORK, XDG_CACHE_HOME: CACHE_HOME, ...env() }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Signalled once Glance is fetching (its GET is stalled) and the image is importing.
    for (let i = 0; i < 300 && !(stalled.length > 0 && (await allNamed(name)).some((image) => image.status === 'importing')); i++) await sleep(100);
    expect((await allNamed(name)).map((image) => image.status)).toEqual(['importing']);
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    expect(stderr).toMatch(/\.\.\. terminating \(SIGINT\)\nImport interrupted: image [0-9a-f-]{36} was deleted\.\n$/);
    expect(await allNamed(name)).toEqual([]);
  }, 60_000);
});

describe('--rotate', () => {
  for (const mode of ['hide', 'delete'] as const) {
    it(`${mode}: older images of the name go once the new one is active, not before`, async () => {
      const name = named(`rotate-${mode}`);
      const older = [randomBytes(4096), randomBytes(4096)];
      for (const data of older) expect((await glance(createArgs(name, dataFile(data)))).code).toBe(0);
      const before = await allNamed(name);

      // The new upload fails: the older images are untouched.
      proxies.glance.add({ method: 'PUT', path: FILE_PUT, action: { kind: 'html', status: 500, message: 'store failure' } });
      const failed = await viaProxy(createArgs(name, dataFile(randomBytes(4096)), ['--rotate', mode]));
      expect(failed.code).toBe(1);
      expect(sameImages(await allNamed(name), before)).toBe(true);

      proxies.reset();
      const res = await viaProxy(createArgs(name, dataFile(randomBytes(4096)), ['--rotate', mode]));
      expect(res.code).toBe(0);
      const kept = field(res.stdout, 'id')!;
      const verb = mode === 'hide' ? 'hid' : 'deleted';
      for (const old of before) expect(res.stderr).toContain(`Rotated: ${verb} older image ${name} (${old.id}).\n`);
      // The new image was active before the first rotation request.
      const log = glanceRequests();
      const firstRotation = log.findIndex((r) => (mode === 'hide' ? r.startsWith('PATCH ') : r.startsWith('DELETE ')));
      expect(log.slice(0, firstRotation).some((r) => FILE_PUT.test(r.split(' ')[1]!))).toBe(true);
      const after = await allNamed(name);
      if (mode === 'hide') {
        expect(Object.fromEntries(after.map((i) => [i.id, i.os_hidden]))).toEqual(Object.fromEntries([...before.map((i) => [i.id, true]), [kept, false]]));
      } else {
        expect(after.map((i) => i.id)).toEqual([kept]);
      }
    });
  }
  it('a rotation that fails is said after the image is printed, exit 1', async () => {
    const name = named('rotate-protected');
    expect((await glance(createArgs(name, dataFile(randomBytes(4096)), ['--protected', 'True']))).code).toBe(0);
    const [old] = await allNamed(name);
    const res = await glance(createArgs(name, dataFile(randomBytes(4096)), ['--rotate', 'delete']));
    expect(res.code).toBe(1);
    expect(field(res.stdout, 'status')).toBe('active');
    expect(oneLine(res.stderr)).toMatch(new RegExp(`^Rotation incomplete: could not delete older image ${old!.id}: HTTP 403 Forbidden: .*protected.*\\.$`));
    expect((await allNamed(name)).map((i) => i.id).sort()).toEqual([old!.id, field(res.stdout, 'id')].sort());
  });
});

describe('bad input: one line, its exit code, nothing created', () => {
  it('an unreadable --file', async () => {
    const name = named('missing');
    const res = await glance(createArgs(name, join(WORK, 'no-such.raw')));
    expect(res.code).toBe(1);
    expect(oneLine(res.stderr)).toBe(`File ${join(WORK, 'no-such.raw')} does not exist or user does not have read privileges to it`);
    expect(await allNamed(name)).toEqual([]);
  });

  it('a hash cache directory that is a symbolic link', async () => {
    const name = named('cache-link');
    const cache = mkdtempSync(join(WORK, 'xdg-'));
    mkdirSync(join(cache, 'openstack-classic-cli'));
    symlinkSync(mkdtempSync(join(WORK, 'elsewhere-')), join(cache, 'openstack-classic-cli', 'hashes'));
    const res = await glance(createArgs(name, dataFile(randomBytes(100))), { XDG_CACHE_HOME: cache });
    expect(res.code).toBe(1);
    expect(oneLine(res.stderr)).toBe(
      `Cannot use the hash cache: ${join(cache, 'openstack-classic-cli', 'hashes')} is a symbolic link; it must be a directory of your own, not a link (remove it, or set XDG_CACHE_HOME).`,
    );
    expect(await allNamed(name)).toEqual([]);
  });

  it('conflicting or incomplete flags, and a pipe', async () => {
    const name = named('flags');
    const path = dataFile(randomBytes(100));
    const cases: Array<[string[], string]> = [
      [
        ['image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare', '--file', path, '--rotate', 'hide'],
        'error: --rotate needs --reuse-existing (rotation follows the reuse-or-create of an image by name).',
      ],
      [
        ['image-create', '--disk-format', 'raw', '--container-format', 'bare', '--file', path, '--reuse-existing'],
        'error: --reuse-existing needs --name (images are reused by name).',
      ],
      [
        ['image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare', '--location', `${base}/disk.raw`, '--reuse-existing'],
        'error: --reuse-existing and --location conflict: Glance reads no data from a location, so there is nothing to reuse by.',
      ],
      [
        ['image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare', '--copy-from', `${base}/disk.raw`, '--reuse-existing'],
        'error: --reuse-existing with --copy-from needs --checksum <sha256|sha512|md5>:<hex> (the upstream checksum the image is looked up by before anything is downloaded).',
      ],
      [
        ['image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare', '--file', path, '--checksum', `sha256:${'0'.repeat(64)}`],
        'error: --checksum sha256:… needs --reuse-existing (without it only an MD5 is checked): add it, or give the MD5.',
      ],
      [
        ['image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare', '--file', path, '--reuse-existing', '--checksum', 'sha1:00'],
        "argument --checksum: unknown algorithm 'sha1' (md5, sha256 or sha512): 'sha1:00' (use md5:, sha256: or sha512: and the hex digits)",
      ],
    ];
    // Usage errors as argparse prints them: the usage line, then the one line saying what is wrong.
    const usageError = (stderr: string): string => {
      const [usage, error, ...rest] = stderr.split('\n');
      expect(usage).toMatch(/^usage: glance image-create /);
      expect(rest).toEqual(['']);
      return error!;
    };
    for (const [args, line] of cases) {
      const res = await glance(args);
      expect(usageError(res.stderr)).toBe(`glance image-create: ${line.startsWith('error: ') ? line : `error: ${line}`}`);
      expect(res.code).toBe(2);
    }
    const piped = await glance(
      ['image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare', '--reuse-existing'],
      {},
      readFileSync(path),
    );
    expect(piped.code).toBe(2);
    expect(oneLine(piped.stderr)).toBe(
      'error: --reuse-existing needs the data in a file (--file): stdin cannot be read once to hash it and again to upload it.',
    );
    expect(await allNamed(name)).toEqual([]);
  });
});

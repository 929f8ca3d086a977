// What is never left behind: invalid input creates nothing, a cut upload leaves no image,
// corrupted stored data never reaches the target file.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloud } from '../helpers/cloud.js';
import { deleteNamed, field, glance, idsNamed, qcow2, randomFile, unique, WORK } from './glance-helpers.js';

const names: string[] = [];
const named = (prefix: string): string => {
  const name = unique(prefix);
  names.push(name);
  return name;
};

/** A TCP proxy to Glance that drops any connection once it has carried `limit` request bytes. */
function cuttingProxy(limit: number): Promise<{ url: string; cuts: () => number; close: () => void }> {
  const target = new URL(cloud().glance_url);
  let cuts = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let carried = 0;
    client.on('data', (chunk: Buffer) => {
      carried += chunk.length;
      if (carried > limit) {
        cuts++;
        client.destroy();
        upstream.destroy();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        cuts: () => cuts,
        close: () => {
          for (const s of sockets) s.destroy();
          server.close();
        },
      }),
    ),
  );
}

afterAll(() => deleteNamed(...names));

describe('invalid input creates nothing', () => {
  it('an invalid disk format fails before any image exists', async () => {
    const name = named('bad-format');
    const res = await glance(['image-create', '--name', name, '--disk-format', 'qcow3', '--container-format', 'bare', '--file', qcow2()]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^Unable to set 'disk_format' to 'qcow3'\. Reason: 'qcow3' is not one of \[None, 'ami'/);
    expect(await idsNamed(name)).toEqual([]);
  });

  it('a missing file fails before any image exists', async () => {
    const name = named('no-file');
    const missing = join(WORK, 'missing.qcow2');
    const res = await glance(['image-create', '--name', name, '--disk-format', 'qcow2', '--container-format', 'bare', '--file', missing]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`File ${missing} does not exist or user does not have read privileges to it\n`);
    expect(await idsNamed(name)).toEqual([]);
  });

  it('data without formats asks for them, disk format first', async () => {
    const name = named('no-formats');
    const file = qcow2();
    const both = await glance(['image-create', '--name', name, '--file', file]);
    expect(both.code).toBe(1);
    expect(both.stderr).toBe('error: Must provide --disk-format, --container-format when using --file.\n');
    const disk = await glance(['image-create', '--name', name, '--container-format', 'bare', '--file', file]);
    expect(disk.stderr).toBe('error: Must provide --disk-format when using --file.\n');
    const piped = await glance(['image-create', '--name', name, '--disk-format', 'raw'], {}, 'data');
    expect(piped.stderr).toBe('error: Must provide --container-format when using stdin.\n');
    expect(await idsNamed(name)).toEqual([]);
  });

  it('a bad --min-disk, --is-public, --size or --property is a usage error (exit 2) before any image exists', async () => {
    const name = named('bad-values');
    const int = await glance(['image-create', '--name', name, '--min-disk', 'big']);
    expect(int.code).toBe(2);
    expect(int.stderr).toBe(
      "usage: glance image-create [options]\nglance image-create: error: argument --min-disk: invalid int value: 'big' (use a whole number, 0 or more)\n",
    );
    const cases: Array<[string, string, RegExp]> = [
      ['--is-public', 'perhaps', /argument --is-public: invalid boolean value: 'perhaps' \(use True or False\)/],
      ['--min-disk', '1e3', /argument --min-disk: invalid int value: '1e3'/],
      ['--min-ram', '-1', /argument --min-ram: invalid int value: '-1' \(use a whole number, 0 or more\)/],
      ['--size', 'abc', /argument --size: invalid size: 'abc' \(use a whole number of bytes/],
      ['--property', 'foo', /argument --property: invalid property: 'foo' \(use KEY=VALUE\)/],
      ['--checksum', 'xyz', /argument --checksum: invalid MD5 checksum: 'xyz' \(use 32 hex digits\)/],
    ];
    for (const [flag, value, message] of cases) {
      const res = await glance(['image-create', '--name', name, flag, value]);
      expect(res.code, `${flag} ${value}`).toBe(2);
      expect(res.stderr.split('\n')[0]).toBe('usage: glance image-create [options]');
      expect(res.stderr).toMatch(message);
      expect(res.stdout).toBe('');
    }
    expect(await idsNamed(name)).toEqual([]);
  });
});

describe('uploads that go wrong leave no image', () => {
  let proxy: Awaited<ReturnType<typeof cuttingProxy>>;
  beforeAll(async () => {
    proxy = await cuttingProxy(300_000);
  });
  afterAll(() => proxy.close());

  it('a connection dropped mid-upload: exit 1, the image is deleted and the message says so', async () => {
    const name = named('cut');
    const res = await glance([
      '--os-image-url',
      proxy.url,
      'image-create',
      '--name',
      name,
      '--disk-format',
      'raw',
      '--container-format',
      'bare',
      '--file',
      randomFile(2 * 1024 * 1024),
    ]);
    expect(proxy.cuts()).toBeGreaterThan(0);
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^Upload of image data failed: .*; image [0-9a-f-]{36} was deleted\.\n$/);
    expect(await idsNamed(name)).toEqual([]);
  });

  it('--checksum that does not match the data: exit 1 and the image is deleted', async () => {
    const name = named('checksum');
    const res = await glance([
      'image-create',
      '--name',
      name,
      '--disk-format',
      'qcow2',
      '--container-format',
      'bare',
      '--checksum',
      '0'.repeat(32),
      '--file',
      qcow2(),
    ]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^Checksum mismatch: --checksum 0{32} but the uploaded data's MD5 is [0-9a-f]{32}; image [0-9a-f-]{36} was deleted\.\n$/);
    expect(await idsNamed(name)).toEqual([]);
  });

  it('--checksum that matches is accepted', async () => {
    const file = qcow2();
    const md5 = (await import('node:crypto')).createHash('md5').update(readFileSync(file)).digest('hex');
    const res = await glance([
      'image-create',
      '--name',
      named('checksum-ok'),
      '--disk-format',
      'qcow2',
      '--container-format',
      'bare',
      '--checksum',
      md5,
      '--file',
      file,
    ]);
    expect(res.code).toBe(0);
    expect(field(res.stdout, 'checksum')).toBe(md5);
  });
});

describe('image-download', () => {
  const content = Buffer.from('image data '.repeat(5000));
  let id: string;
  beforeAll(async () => {
    const file = join(WORK, 'text.raw');
    writeFileSync(file, content);
    const res = await glance(['image-create', '--name', named('download'), '--disk-format', 'raw', '--container-format', 'bare', '--file', file]);
    expect(res.code).toBe(0);
    id = field(res.stdout, 'id')!;
  });

  it('writes a verified file, and to stdout when stdout is not a terminal', async () => {
    const target = join(WORK, 'downloaded.raw');
    const res = await glance(['image-download', '--file', target, id]);
    expect(res.code).toBe(0);
    expect(readFileSync(target).equals(content)).toBe(true);
    const piped = await glance(['image-download', id]);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(content.toString());
  });

  it('corrupted data in the store: "Corrupt image download", exit 1, no file under the target name', async () => {
    // The store's copy and the image cache's (the download above cached it): Glance serves either.
    for (const dir of ['images', 'image-cache']) {
      const stored = join(cloud().state_dir, 'glance', dir, id);
      if (dir === 'image-cache' && !existsSync(stored)) continue;
      const data = readFileSync(stored);
      data[100] = data[100]! ^ 0xff;
      writeFileSync(stored, data);
    }
    const target = join(WORK, 'corrupt.raw');
    const res = await glance(['image-download', '--file', target, id]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^Corrupt image download\. Hash was [0-9a-f]+ expected [0-9a-f]+\n$/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(WORK).filter((f) => f.includes('corrupt.raw'))).toEqual([]);
  });
});

describe('image-delete', () => {
  it('carries on past a failure and exits 1', async () => {
    const name = named('delete-several');
    const created = await glance(['image-create', '--name', name]);
    const missing = '8f1d4d0e-0000-4000-8000-000000000001';
    const res = await glance(['--os-image-api-version', '2', 'image-delete', missing, field(created.stdout, 'id')!]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`No image with an ID of '${missing}' exists.\n`);
    expect(await idsNamed(name)).toEqual([]);
  });
});

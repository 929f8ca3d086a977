// URL sources (--copy-from, --location, web-download --uri) are inspected through one ranged GET
// before anything is created, from a loopback server with and without Range support; a server
// that gives no bytes gets one line on stderr. No token ever goes to that server.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createImage, deleteImage, imagesNamed } from '../helpers/cloud-api.js';
import { field, glance, glance2, unique } from './glance-helpers.js';
import { dir, headerFormats, unsafeImages } from './inspect-images.js';

const qcow2 = headerFormats().qcow2!;
const QCOW2 = readFileSync(qcow2.path);
const BACKED = readFileSync(unsafeImages()['qcow2 with a backing file']!.path);
/** A qcow2 header followed by zeros, streamed (with backpressure) by a server that ignores Range. */
const BIG_LENGTH = 256 << 20;
const RAW = Buffer.alloc(3 << 20, 7);

interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
  /** The whole answer was written (false: the client hung up first). */
  finished?: boolean;
  /** Bytes the server got to write before the client hung up. */
  written?: number;
}

/** Streams `length` bytes starting with `head`, writing only as fast as the client reads. */
function stream(res: ServerResponse, head: Buffer, length: number): void {
  res.writeHead(200, { 'Content-Length': length });
  const zeros = Buffer.alloc(64 * 1024);
  let sent = 0;
  const pump = (): void => {
    while (sent < length) {
      const piece = sent < head.length ? head.subarray(sent, sent + zeros.length) : zeros.subarray(0, Math.min(zeros.length, length - sent));
      sent += piece.length;
      if (!res.write(piece)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  pump();
}

let server: Server;
let base: string;
const seen: Seen[] = [];

/** path → [bytes, how Range is treated]: 'ranges' answers 206, 'forbids' 403 to a ranged GET (/big.qcow2 ignores Range). */
const FILES: Record<string, [Buffer, 'ranges' | 'forbids']> = {
  '/disk.qcow2': [QCOW2, 'ranges'],
  '/backed.qcow2': [BACKED, 'ranges'],
  '/disk.raw': [RAW, 'forbids'],
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const entry: Seen = { path: req.url ?? '', headers: req.headers };
    seen.push(entry);
    res.on('close', () => {
      entry.finished = res.writableFinished;
      entry.written = req.socket.bytesWritten;
    });
    if (req.url === '/big.qcow2') {
      stream(res, QCOW2, BIG_LENGTH);
      return;
    }
    if (req.url === '/moved') {
      res.writeHead(302, { Location: '/disk.qcow2' }).end();
      return;
    }
    const file = FILES[req.url ?? ''];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const [body, range] = file;
    const asked = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    if (asked && range === 'forbids') {
      res.writeHead(403).end('no ranges here');
    } else if (asked && range === 'ranges') {
      const start = Number(asked[1]);
      const end = Math.min(Number(asked[2]), body.length - 1);
      res.writeHead(206, { 'Content-Range': `bytes ${start}-${end}/${body.length}`, 'Content-Length': end - start + 1 });
      res.end(body.subarray(start, end + 1));
    } else {
      res.writeHead(200, { 'Content-Length': body.length });
      res.end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

beforeEach(() => {
  seen.length = 0;
});

const names: string[] = [];
const named = (prefix: string): string => {
  const name = unique(`inspect-url-${prefix}`);
  names.push(name);
  return name;
};

afterAll(async () => {
  for (const name of names) for (const image of await imagesNamed(name)) await deleteImage(image.id);
  await new Promise((resolve) => server.close(resolve));
  dir.remove();
});

const create = (name: string, diskFormat: string, extra: string[]) =>
  glance(['image-create', '--name', name, '--disk-format', diskFormat, '--container-format', 'bare', ...extra]);

async function expectRefused(res: { code: number | null; stdout: string; stderr: string }, name: string, line: string): Promise<void> {
  expect(res.stdout).toBe('');
  expect(res.stderr).toBe(`${line}\n`);
  expect(res.code).toBe(1);
  expect(await imagesNamed(name)).toEqual([]);
}

/** The server saw only our one ranged GET of the first MiB (Glance fetched nothing), and no token. */
function expectOnlyTheProbe(paths: string[]): void {
  expect(seen.map((s) => s.path)).toEqual(paths);
  for (const request of seen) {
    expect(request.headers.range).toBe('bytes=0-1048575');
    expect(request.headers['x-auth-token']).toBeUndefined();
    expect(request.headers.authorization).toBeUndefined();
  }
}

describe('a server that answers ranged GETs (206)', () => {
  it('--copy-from: a qcow2 declared raw is refused, only its first MiB was asked for', async () => {
    const name = named('copy');
    const url = `${base}/disk.qcow2`;
    await expectRefused(await create(name, 'raw', ['--copy-from', url]), name, `${url} is ${qcow2.described}, not raw: use --disk-format qcow2`);
    expectOnlyTheProbe(['/disk.qcow2']);
  });

  it('--location through a redirect: the probe follows it and refuses', async () => {
    const name = named('location');
    const url = `${base}/moved`;
    await expectRefused(await create(name, 'vmdk', ['--location', url]), name, `${url} is ${qcow2.described}, not vmdk: use --disk-format qcow2`);
    expectOnlyTheProbe(['/moved', '/disk.qcow2']);
  });

  it('web-download --uri of an unsafe image is refused; --allow-unsafe-image is the way past', async () => {
    const name = named('uri-unsafe');
    const url = `${base}/backed.qcow2`;
    const args = [
      'image-create-via-import',
      '--name',
      name,
      '--disk-format',
      'qcow2',
      '--container-format',
      'bare',
      '--import-method',
      'web-download',
      '--uri',
      url,
    ];
    await expectRefused(await glance2(args), name, `${url} is unsafe to upload: the qcow2 image has a backing file (--allow-unsafe-image sends it anyway)`);
    expectOnlyTheProbe(['/backed.qcow2']);
    const allowed = await glance2([...args, '--allow-unsafe-image']);
    expect(allowed.stderr).toBe('');
    expect(allowed.code).toBe(0);
    expect((await imagesNamed(name)).map((i) => i.disk_format)).toEqual(['qcow2']);
  });

  it('--copy-from with --disk-format auto creates the image with the detected format', async () => {
    const name = named('copy-auto');
    const res = await create(name, 'auto', ['--copy-from', `${base}/disk.qcow2`]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(field(res.stdout, 'disk_format')).toBe('qcow2');
    expect(field(res.stdout, 'status')).toBe('active');
    expect(field(res.stdout, 'size')).toBe(String(QCOW2.length));
    expect(seen.filter((s) => s.headers['x-auth-token'] !== undefined)).toEqual([]);
  });

  it('image-import --uri on a queued raw image is refused; the image stays queued', async () => {
    const name = named('import');
    const image = await createImage(name);
    const url = `${base}/disk.qcow2`;
    const res = await glance2(['image-import', image.id, '--import-method', 'web-download', '--uri', url]);
    expect(res).toEqual({ code: 1, stdout: '', stderr: `${url} is ${qcow2.described}, not raw: use --disk-format qcow2\n` });
    expect((await imagesNamed(name)).map((i) => i.status)).toEqual(['queued']);
    expectOnlyTheProbe(['/disk.qcow2']);
  });
});

describe('a server that ignores Range (200)', () => {
  it('is read for the first MiB only, then cut off; the contradiction is found all the same', async () => {
    const name = named('plain');
    const url = `${base}/big.qcow2`;
    const args = [
      'image-create-via-import',
      '--name',
      name,
      '--disk-format',
      'raw',
      '--container-format',
      'bare',
      '--import-method',
      'web-download',
      '--uri',
      url,
    ];
    await expectRefused(await glance2(args), name, `${url} is ${qcow2.described}, not raw: use --disk-format qcow2`);
    expectOnlyTheProbe(['/big.qcow2']);
    await expect.poll(() => seen[0]?.finished).toBe(false);
    // The first MiB, and what socket buffers took: far from the whole answer.
    expect(seen[0]!.written).toBeLessThan(BIG_LENGTH / 4);
  });
});

describe('a server that gives no bytes to a ranged GET', () => {
  it('one line on stderr says the source was not inspected, and the copy goes ahead', async () => {
    const name = named('uninspected');
    const url = `${base}/disk.raw`;
    const res = await create(name, 'raw', ['--copy-from', url]);
    expect(res.stderr).toBe(`${url} was not inspected (HTTP 403): its format and safety are unchecked.\n`);
    expect(res.code).toBe(0);
    expect(field(res.stdout, 'status')).toBe('active');
  });

  it('--disk-format auto cannot tell the format: refused before anything is created', async () => {
    const name = named('uninspected-auto');
    const url = `${base}/disk.raw`;
    await expectRefused(
      await create(name, 'auto', ['--copy-from', url]),
      name,
      `--disk-format auto cannot tell the format of ${url}: it could not be inspected (HTTP 403).`,
    );
  });
});

describe('a server that stops sending in the middle of the first MiB', () => {
  it('the line names --timeout, whichever of the two timers (the answer in full, the idle body) fires first', async () => {
    // Headers and 1,000 bytes of a 5 MB answer, then nothing.
    const stalling = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Length': 5_000_000 });
      res.write(Buffer.alloc(1000));
    });
    await new Promise<void>((resolve) => stalling.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(stalling.address() as AddressInfo).port}/stalls.raw`;
    try {
      const name = named('stalls');
      const res = await glance(['--timeout', '1', 'image-create', '--name', name, '--disk-format', 'auto', '--container-format', 'bare', '--copy-from', url]);
      await expectRefused(
        res,
        name,
        `--disk-format auto cannot tell the format of ${url}: it could not be inspected (no answer in full within --timeout 1 s).`,
      );
    } finally {
      stalling.closeAllConnections();
      await new Promise((resolve) => stalling.close(resolve));
    }
  });
});

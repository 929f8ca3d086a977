// readRemoteHead against a local server: the ranged GET, servers that ignore or refuse Range,
// redirects, lengths, what is never read and what is never sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readRemoteHead } from '../../src/http/remote-head.js';
import { HttpTransport } from '../../src/http/transport.js';

let server: Server | undefined;
let transport: HttpTransport | undefined;
afterEach(async () => {
  await transport?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

const requests: IncomingMessage[] = [];

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  requests.length = 0;
  server = createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const head = (url: string, limit = 16) => {
  transport = new HttpTransport({ timeoutSeconds: 5 });
  return readRemoteHead(transport, url, { limit, timeoutSeconds: 5 });
};

const DATA = Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz');

describe('readRemoteHead', () => {
  it('asks for the first bytes with a Range header and nothing else of ours; a 206 gives them and the total length', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(206, { 'Content-Range': `bytes 0-15/${DATA.length}` }).end(DATA.subarray(0, 16));
    });
    expect(await head(`${base}/disk`)).toEqual({ kind: 'head', bytes: DATA.subarray(0, 16), ended: false, size: DATA.length });
    expect(requests[0]!.headers.range).toBe('bytes=0-15');
    expect(Object.keys(requests[0]!.headers).sort()).toEqual(['accept', 'connection', 'host', 'range', 'user-agent']);
  });

  it('URL userinfo is never sent (no Authorization header either)', async () => {
    const base = await serve((_req, res) => res.writeHead(200).end('x'));
    const withUser = base.replace('http://', 'http://user:secret@');
    expect(await head(`${withUser}/disk`)).toMatchObject({ kind: 'head', ended: true, size: 1 });
    expect(requests[0]!.headers.authorization).toBeUndefined();
  });

  it('a 206 shorter than the range is the whole resource', async () => {
    const base = await serve((_req, res) => res.writeHead(206, { 'Content-Range': 'bytes 0-3/*' }).end('abcd'));
    expect(await head(base)).toEqual({ kind: 'head', bytes: Buffer.from('abcd'), ended: true, size: 4 });
  });

  it('a server that ignores Range (200) is read up to the limit', async () => {
    const base = await serve((_req, res) => res.writeHead(200, { 'Content-Length': DATA.length }).end(DATA));
    expect(await head(base)).toEqual({ kind: 'head', bytes: DATA.subarray(0, 16), ended: false, size: DATA.length });
    const short = await head(base, 100);
    expect(short).toEqual({ kind: 'head', bytes: DATA, ended: true, size: DATA.length });
  });

  it('follows redirects a few hops, then gives up', async () => {
    const base = await serve((req, res) => {
      const hop = Number(req.url!.slice(1));
      if (hop < 3) res.writeHead(302, { Location: `/${hop + 1}` }).end();
      else res.writeHead(200).end('end');
    });
    expect(await head(`${base}/0`)).toMatchObject({ kind: 'head', bytes: Buffer.from('end') });
    expect(requests.map((r) => r.url)).toEqual(['/0', '/1', '/2', '/3']);
    const loop = await serve((_req, res) => res.writeHead(301, { Location: '/again' }).end());
    expect(await head(loop)).toEqual({ kind: 'unavailable', reason: 'more than 5 redirects' });
  });

  it('says why when there are no bytes: an HTTP error, a range not asked for, no server, another scheme', async () => {
    const forbidden = await serve((_req, res) => res.writeHead(403).end('no'));
    expect(await head(forbidden)).toEqual({ kind: 'unavailable', reason: 'HTTP 403' });
    const offset = await serve((_req, res) => res.writeHead(206, { 'Content-Range': 'bytes 5-9/40' }).end('56789'));
    expect(await head(offset)).toEqual({ kind: 'unavailable', reason: 'the server answered a range other than the one asked for (bytes 5-9/40)' });
    expect(await head('http://127.0.0.1:1/x')).toMatchObject({ kind: 'unavailable', reason: expect.stringContaining('connection refused') });
    expect(await head('rbd://pool/image/snap')).toEqual({ kind: 'unavailable', reason: 'only http and https URLs are read (not rbd)' });
    expect(await head('not a url')).toEqual({ kind: 'unavailable', reason: 'it is not a valid URL' });
  });
});

// Faults a real cloud will not produce on demand (503s, resets, silence), from a local server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpTransport } from '../../src/http/transport.js';
import { ConnectionLane } from '../../src/http/wire.js';
import { keepAliveResetServer } from '../helpers/keep-alive-reset-server.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** Serves answers in order; each handler gets the request number (1-based). */
async function serve(handler: (req: IncomingMessage, res: ServerResponse, n: number) => void): Promise<{ url: string; count: () => number }> {
  let n = 0;
  server = createServer((req, res) => handler(req, res, ++n));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, count: () => n };
}

describe('HTTP transport', () => {
  it('retries an idempotent request once after a 503, but never a POST', async () => {
    const s = await serve((_req, res, n) => {
      res.writeHead(n === 1 ? 503 : 200);
      res.end('x');
    });
    const t = new HttpTransport({ timeoutSeconds: 5 });
    const get = await t.request({ method: 'GET', url: `${s.url}/a` });
    expect(get.status).toBe(200);
    expect(s.count()).toBe(2);
    await get.body.dump();
    const post = await t.request({ method: 'POST', url: `${s.url}/b`, body: '{}' });
    expect(post.status).toBe(200); // the third answer
    const again = await t.request({ method: 'GET', url: `${s.url}/c` });
    await again.body.dump();
    expect(s.count()).toBe(4);
    await t.close();
  });

  it('a streamed upload answered 204 hands its connection back: the next request reuses it', async () => {
    // Before the fix, dump() left a complete 204 unread: its socket never went back to the pool.
    const sockets = new Set<unknown>();
    const s = await serve((req, res) => {
      sockets.add(req.socket);
      req.resume();
      req.on('end', () => {
        res.writeHead(req.method === 'PUT' ? 204 : 200);
        res.end();
      });
    });
    const t = new HttpTransport({ timeoutSeconds: 5 });
    async function* data(): AsyncGenerator<Buffer> {
      yield Buffer.alloc(1024, 1);
    }
    for (const method of ['PUT', 'PUT', 'GET']) {
      const res = await t.request({ method, url: `${s.url}/v2/images/x/file`, body: method === 'PUT' ? data() : undefined, idempotent: false });
      await res.body.dump();
      await new Promise((resolve) => setImmediate(resolve)); // the agent takes the socket back on the response's end
    }
    expect(s.count()).toBe(3);
    expect(sockets.size).toBe(1);
    await t.close();
  });

  it('requests on a lane share its one connection; other lanes and the pool have their own', async () => {
    const s = await serve((req, res) => {
      req.resume();
      req.on('end', () => res.end(String(req.socket.remotePort)));
    });
    const t = new HttpTransport({ timeoutSeconds: 5 });
    const [a, b] = [new ConnectionLane(), new ConnectionLane()];
    const port = async (lane?: ConnectionLane): Promise<string> => (await t.request({ method: 'GET', url: `${s.url}/x`, lane })).body.text();
    // Concurrent: each lane and the pool on its own connection.
    const [a1, b1, pool1] = await Promise.all([port(a), port(b), port()]);
    expect(new Set([a1, b1, pool1]).size).toBe(3);
    // Later requests on a lane come back to its connection, whatever the pool did in between.
    await Promise.all([port(), port(), port()]);
    expect(await port(a)).toBe(a1);
    expect(await port(b)).toBe(b1);
    // Two at once on one lane: the second waits for the first's connection.
    expect(await Promise.all([port(a), port(a)])).toEqual([a1, a1]);
    await t.close();
  });

  it.each([
    ['at once', 0],
    ['after 8 MiB, then reading no more (a write in flight never completes)', 8 * 1024 * 1024],
  ])(
    'an upload answered before its body was sent (413, %s) frees its lane: the next request on it is answered',
    async (_when, after) => {
      // As a keep-alive server may: the answer before the body's end, the connection left open, the rest unread.
      const { createServer: createTcpServer } = await import('node:net');
      let connections = 0;
      const tcp = createTcpServer((socket) => {
        const first = ++connections === 1;
        const answer = first
          ? 'HTTP/1.1 413 Request Entity Too Large\r\nContent-Length: 10\r\n\r\nover quota'
          : 'HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnext';
        let received = 0;
        const onData = (chunk: Buffer): void => {
          received += chunk.length;
          if (first && received < after) return;
          socket.off('data', onData);
          socket.pause();
          // Answered once the client has filled the buffers and has a write waiting.
          setTimeout(() => socket.write(answer), first && after > 0 ? 300 : 0);
        };
        socket.on('data', onData);
        socket.on('error', () => undefined);
      });
      await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(tcp.address() as AddressInfo).port}`;
      const t = new HttpTransport({ timeoutSeconds: 3 });
      const lane = new ConnectionLane();
      async function* body(): AsyncGenerator<Buffer> {
        for (let i = 0; i < 64; i++) yield Buffer.alloc(1024 * 1024, i);
      }
      try {
        const put = await t.request({ method: 'PUT', url: `${url}/v2/images/x/file`, body: body(), lane, idempotent: false });
        expect(put.status).toBe(413);
        expect(await put.body.text()).toBe('over quota');
        const next = await t.request({ method: 'GET', url: `${url}/after`, lane, idempotent: false });
        expect(await next.body.text()).toBe('next');
        expect(connections).toBe(2);
      } finally {
        await t.close();
        tcp.close();
      }
    },
    10_000,
  );

  describe('a kept-alive connection the server resets as the next request arrives on it (its keep-alive timeout)', () => {
    /** Connection 1 resets its second request (at its headers, or `resetAfterBody` 1.1 s after it has read it all); later connections answer `status`. */
    const staleServer = ({ resetAfterBody = false, status = 200 } = {}) =>
      keepAliveResetServer({
        afterBody: resetAfterBody,
        resetDelayMs: resetAfterBody ? 1100 : 0,
        answer: (connection) => `HTTP/1.1 ${connection === 1 ? 200 : status} OK\r\nContent-Length: 2\r\n\r\nc${connection}`,
      });
    async function* megabytes(n: number): AsyncGenerator<Buffer> {
      for (let i = 0; i < n; i++) yield Buffer.alloc(1024 * 1024, i);
    }
    const upload = (t: HttpTransport, url: string, lane: ConnectionLane, restartBody?: () => AsyncGenerator<Buffer>) =>
      t.request({
        method: 'PUT',
        url: `${url}/v2/images/x/file`,
        body: megabytes(2),
        headers: { 'Content-Length': String(2 * 1024 * 1024) },
        idempotent: false,
        lane,
        restartBody,
      });

    it('an upload that can be made again goes again, whole, on a new connection', async () => {
      // Before, the upload failed with "connection reset by the server", though the server had read none of it.
      const s = await staleServer();
      const t = new HttpTransport({ timeoutSeconds: 5 });
      const lane = new ConnectionLane();
      let made = 0;
      const again = () => {
        made++;
        return megabytes(2);
      };
      try {
        expect(await (await upload(t, s.url, lane, again)).body.text()).toBe('c1');
        expect(await (await upload(t, s.url, lane, again)).body.text()).toBe('c2');
        expect(made).toBe(1);
        expect(s.connections()).toBe(2);
      } finally {
        await t.close();
        s.close();
      }
    });

    it('one that cannot be made again (a pipe) fails, saying what happened; so does a POST, which the server may have acted on', async () => {
      const s = await staleServer();
      const t = new HttpTransport({ timeoutSeconds: 5 });
      const lane = new ConnectionLane();
      try {
        await (await upload(t, s.url, lane)).body.dump();
        await new Promise((resolve) => setImmediate(resolve));
        await expect(upload(t, s.url, lane)).rejects.toThrow(
          `Unable to establish connection to ${s.url}/v2/images/x/file: the server closed the kept-alive connection as the request went out`,
        );
        expect(s.connections()).toBe(1);
        // A POST on a lane's kept-alive connection likewise: it is never sent twice.
        const posts = await staleServer();
        const postLane = new ConnectionLane();
        const postOn = () => t.request({ method: 'POST', url: `${posts.url}/v2/images`, body: '{}', lane: postLane });
        await (await postOn()).body.dump();
        await new Promise((resolve) => setImmediate(resolve));
        await expect(postOn()).rejects.toThrow(/the server closed the kept-alive connection as the request went out$/);
        expect(posts.connections()).toBe(1);
        posts.close();
      } finally {
        await t.close();
        s.close();
      }
    });

    it('a reset long after the request went out is no kept-alive race (the server read it): not sent again', async () => {
      // A proxy that forwards a whole upload, then resets: the image may be stored already.
      const s = await staleServer({ resetAfterBody: true });
      const t = new HttpTransport({ timeoutSeconds: 5 });
      const lane = new ConnectionLane();
      let made = 0;
      const small = (): AsyncGenerator<Buffer> =>
        (async function* () {
          yield Buffer.alloc(1024, 7);
        })();
      const put = (restartBody?: () => AsyncGenerator<Buffer>) =>
        t.request({
          method: 'PUT',
          url: `${s.url}/v2/images/x/file`,
          body: small(),
          headers: { 'Content-Length': '1024' },
          idempotent: false,
          lane,
          restartBody,
        });
      try {
        await (await put()).body.dump();
        await new Promise((resolve) => setImmediate(resolve));
        await expect(
          put(() => {
            made++;
            return small();
          }),
        ).rejects.toThrow(/: connection reset by the server$/);
        expect(made).toBe(0);
        expect(s.connections()).toBe(1);
      } finally {
        await t.close();
        s.close();
      }
    });

    it('a resend refused as a conflict (409: the first had reached the server) reports the first failure', async () => {
      const s = await staleServer({ status: 409 });
      const t = new HttpTransport({ timeoutSeconds: 5 });
      const lane = new ConnectionLane();
      try {
        await (await upload(t, s.url, lane)).body.dump();
        await new Promise((resolve) => setImmediate(resolve));
        await expect(upload(t, s.url, lane, () => megabytes(2))).rejects.toThrow(
          `Unable to establish connection to ${s.url}/v2/images/x/file: the server closed the kept-alive connection as the request went out; sent again, it was refused (HTTP 409 Conflict): the first had reached the server`,
        );
        expect(s.connections()).toBe(2);
      } finally {
        await t.close();
        s.close();
      }
    });

    it('a reset on a new connection is no kept-alive race: the upload is not made again', async () => {
      const s = await serve((req) => req.socket.destroy());
      const t = new HttpTransport({ timeoutSeconds: 5 });
      let made = 0;
      await expect(
        upload(t, s.url, new ConnectionLane(), () => {
          made++;
          return megabytes(2);
        }),
      ).rejects.toThrow(/: connection reset by the server$/);
      expect(made).toBe(0);
      expect(s.count()).toBe(1);
      await t.close();
    });
  });

  it('retries once on a reset connection, then reports it naming the URL', async () => {
    const s = await serve((req) => req.socket.destroy());
    const t = new HttpTransport({ timeoutSeconds: 5 });
    await expect(t.request({ method: 'GET', url: `${s.url}/v2/images` })).rejects.toThrow(
      new RegExp(`^Unable to establish connection to ${s.url}/v2/images: `),
    );
    expect(s.count()).toBe(2);
    await t.close();
  });

  it('gives up after --timeout seconds without an answer', async () => {
    const s = await serve(() => undefined);
    const t = new HttpTransport({ timeoutSeconds: 0.5 });
    const started = Date.now();
    await expect(t.request({ method: 'POST', url: `${s.url}/v3/auth/tokens`, body: '{}' })).rejects.toThrow(
      `Timed out waiting 0.5 s for an answer from ${s.url}/v3/auth/tokens (--timeout 0.5; raise it if the server is slow)`,
    );
    expect(Date.now() - started).toBeLessThan(3000);
    await t.close();
  });

  it('traces method, URL, status, time and headers, with tokens hashed and passwords replaced', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(201, { 'X-Subject-Token': 'issued-token', 'Content-Type': 'application/json' });
      res.end('{}');
    });
    const lines: string[] = [];
    const t = new HttpTransport({ timeoutSeconds: 5, trace: (l) => lines.push(l) });
    const res = await t.request({ method: 'POST', url: `${s.url}/v3/auth/tokens`, headers: { 'X-Auth-Token': 'sent-token' }, body: '{"password":"hunter2"}' });
    await res.body.dump();
    await t.close();
    const text = lines.join('\n');
    expect(text).toMatch(
      new RegExp(`^REQ: curl -g -i -X POST ${s.url}/v3/auth/tokens -H "User-Agent: openstack-classic-cli" -H "X-Auth-Token: \\{SHA256\\}[0-9a-f]{64}"$`, 'm'),
    );
    expect(text).toContain('REQ BODY: {"password":"***"}');
    expect(text).toMatch(new RegExp(`^RESP: \\[201\\] POST ${s.url}/v3/auth/tokens \\d+ms$`, 'm'));
    expect(text).toMatch(/^ {2}x-subject-token: \{SHA256\}[0-9a-f]{64}$/m);
    for (const secret of ['sent-token', 'issued-token', 'hunter2']) expect(text).not.toContain(secret);
  });

  it('says a tiny --timeout ran out, naming it (0.0001 s was an invalid-argument error)', async () => {
    const s = await serve(() => undefined);
    const t = new HttpTransport({ timeoutSeconds: 0.0001 });
    await expect(t.request({ method: 'POST', url: `${s.url}/v3/auth/tokens`, body: '{}' })).rejects.toThrow(
      new RegExp(
        `^Timed out (connecting to|waiting 0.0001 s for an answer from) ${s.url}/v3/auth/tokens.* \\(--timeout 0.0001; raise it if the server is slow\\)$`,
      ),
    );
    await t.close();
  });

  it('does not follow a redirect: one line naming where it pointed, and the token never goes there', async () => {
    const elsewhere = createServer((_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/v2/images`;
    let reached = 0;
    elsewhere.on('request', () => reached++);
    try {
      const s = await serve((_req, res) => {
        res.writeHead(302, { Location: target.replace('http://', 'http://user:pw@') });
        res.end('<html>moved</html>');
      });
      const t = new HttpTransport({ timeoutSeconds: 5 });
      await expect(t.request({ method: 'GET', url: `${s.url}/v2/images`, headers: { 'X-Auth-Token': 'secret-token' } })).rejects.toThrow(
        `GET ${s.url}/v2/images was redirected (HTTP 302) to ${target}: this CLI does not follow redirects, so that credentials never go to another address; use that URL (--os-auth-url, --os-image-url) if you trust it`,
      );
      expect(s.count()).toBe(1); // not retried
      expect(reached).toBe(0);
      await t.close();
    } finally {
      elsewhere.closeAllConnections();
      await new Promise((resolve) => elsewhere.close(resolve));
    }
  });

  it('reports response headers over 64 KiB as a bad answer, not a connection problem, and does not retry', async () => {
    const s = await serve((req) => {
      req.socket.write(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(70 * 1024)}\r\nContent-Length: 0\r\n\r\n`);
      req.socket.end();
    });
    const t = new HttpTransport({ timeoutSeconds: 5 });
    await expect(t.request({ method: 'GET', url: `${s.url}/v2/images` })).rejects.toThrow(
      `Bad answer from ${s.url}/v2/images: its response headers exceed 64 KiB, the most this CLI reads`,
    );
    expect(s.count()).toBe(1);
    await t.close();
  });

  it('sends a streamed body whose producer reuses one buffer: it asks for the next chunk only once the socket took this one', async () => {
    const s = await serve((req, res) => {
      const got: Buffer[] = [];
      req.on('data', (chunk: Buffer) => got.push(chunk));
      req.on('end', () => res.end(Buffer.concat(got).toString('latin1')));
    });
    const buffer = Buffer.alloc(256 * 1024);
    async function* reused(): AsyncGenerator<Buffer> {
      for (const byte of [0x61, 0x62, 0x63, 0x64]) {
        buffer.fill(byte); // overwrites what the previous yield handed out
        yield buffer;
      }
    }
    const t = new HttpTransport({ timeoutSeconds: 5 });
    const res = await t.request({ method: 'PUT', url: `${s.url}/v2/images/x/file`, body: reused() });
    const echoed = await res.body.text();
    expect(echoed.length).toBe(4 * buffer.length);
    expect(echoed).toBe(['a', 'b', 'c', 'd'].map((c) => c.repeat(buffer.length)).join(''));
    await t.close();
  });

  it('a body stalled past --timeout fails the read as a timeout, not as a broken connection', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('{"half":');
    });
    const t = new HttpTransport({ timeoutSeconds: 0.3 });
    const res = await t.request({ method: 'GET', url: `${s.url}/v2/images` });
    await expect(res.body.text()).rejects.toMatchObject({ code: 'BODY_TIMEOUT' });
    await t.close();
  });
});

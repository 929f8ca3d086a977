// The early answer read by hand (src/http/plain-answer.ts): a plain 200 is read without node:http;
// anything else is put back on the socket as it came, and the wire's http client then meets exactly
// what it meets when it asks itself (the same status, body or error), within the same --timeout.
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readEarlyPlainAnswer, sendEarly, takeEarlyAnswer } from '../../src/http/early.js';
import { PLAIN_WAIT_MS, plainAnswer } from '../../src/http/plain-answer.js';
import { Wire } from '../../src/http/wire.js';

let server: Server | undefined;
const sockets: Socket[] = [];
const sockets_ = () => sockets.splice(0);
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

const bytes = (text: string) => Buffer.from(text, 'latin1');
const OK = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{"images":[]}';

describe('plainAnswer', () => {
  it('takes a 200 with one Content-Length and all of its body, and nothing else', () => {
    expect(plainAnswer(bytes(OK))).toEqual({ body: bytes('{"images":[]}') });
    expect(plainAnswer(bytes('HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n'))).toEqual({ body: bytes('') });
    expect(plainAnswer(bytes('HTTP/1.1 200 OK\r\nContent-Length:  2 \r\nX-Empty:\r\n\r\nhi'))).toEqual({ body: bytes('hi') });
    const more = [OK.slice(0, 20), OK.slice(0, -1), 'HTTP/1.1 200 OK\r\nContent-Length: 13\r\n', ''];
    for (const text of more) expect(plainAnswer(bytes(text)), JSON.stringify(text)).toBe('more');
    const other = [
      OK.replace('200 OK', '404 Not Found'),
      OK.replace('HTTP/1.1', 'HTTP/1.0'),
      `HTTP/1.1 100 Continue\r\n\r\n${OK}`,
      OK.replace('Content-Length: 13', 'Transfer-Encoding: chunked'),
      OK.replace('Content-Type', 'Content-Encoding: gzip\r\nContent-Type'),
      OK.replace('Content-Length: 13', 'Content-Length: 13\r\nContent-Length: 13'),
      OK.replace('Content-Length: 13', 'Content-Length: 0x0d'),
      OK.replace('Content-Length: 13', 'Content-Length: -13'),
      OK.replace('Content-Length: 13\r\n', ''),
      OK.replace('Content-Type: application/json', 'Content-Type: application/json\r\n folded'),
      OK.replace('Content-Type: application/json', 'Content Type: application/json'),
      OK.replace('Content-Type: application/json', 'Content-Type: a\rb'),
      OK.replace('Content-Type: application/json', 'Content-Type: a\x00b'),
      OK.replace('\r\nContent-Type', '\nContent-Type'),
      `${OK}x`,
      `HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(20_000)}\r\nContent-Length: 0\r\n\r\n`,
      `HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(20_000)}`,
    ];
    for (const text of other) expect(plainAnswer(bytes(text)), JSON.stringify(text.slice(0, 80))).toBe('other');
  });
});

/** A server that answers each request with these pieces, written `gapMs` apart, then does `end`. */
async function serve(pieces: string[], { gapMs = 0, end = 'end' as 'end' | 'reset' | 'stay' } = {}): Promise<number> {
  server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    socket.once('data', async () => {
      for (const piece of pieces) {
        if (gapMs) await new Promise((resolve) => setTimeout(resolve, gapMs));
        if (!socket.destroyed) socket.write(bytes(piece));
      }
      if (end === 'end') socket.end();
      else if (end === 'reset') socket.resetAndDestroy();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

type Met = { status: number; body: string } | { error: string };

async function met(answer: Promise<{ status: number; body: { text(): Promise<string> } }>): Promise<Met> {
  try {
    const res = await answer;
    return { status: res.status, body: await res.body.text() };
  } catch (err) {
    return { error: (err as { code?: string }).code ?? (err as Error).message };
  }
}

const wire =
  (timeoutMs = 5000) =>
  async () =>
    new Wire(timeoutMs, 5000, { rejectUnauthorized: true });

/** What the wire meets asking itself, and what the early answer gives: read by hand, then (as if it was not the kept one) by the wire. */
async function bothWays(port: number, timeoutMs = 5000): Promise<{ asked: Met; plain: string | undefined; early: Met }> {
  const url = new URL(`http://127.0.0.1:${port}/v2/images`);
  const asked = await met((await wire(timeoutMs)()).send({ method: 'GET', url, headers: {} }));
  await sendEarly(url, {}, wire(timeoutMs), 5000, true);
  const plain = (await readEarlyPlainAnswer(url))?.toString('latin1');
  return { asked, plain, early: await met(takeEarlyAnswer(url)!) };
}

describe('the early answer read by hand', () => {
  it('is read without the http client when plain, in pieces too, and left for it all the same', async () => {
    const port = await serve([OK.slice(0, 10), OK.slice(10, 40), OK.slice(40)], { gapMs: 20, end: 'stay' });
    const { asked, plain, early } = await bothWays(port);
    expect(plain).toBe('{"images":[]}');
    expect(early).toEqual(asked);
  });

  it('anything else goes to the http client as it came, which meets what it meets asking itself', async () => {
    const chunked = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"a":\r\n2\r\n1}\r\n0\r\n\r\n';
    const cases: Array<[string, string[], Parameters<typeof serve>[1]]> = [
      ['a 404', [OK.replace('200 OK', '404 Not Found')], {}],
      ['chunked', [chunked], {}],
      ['chunked, in pieces', [chunked.slice(0, 30), chunked.slice(30)], { gapMs: 20 }],
      ['a 100 first', ['HTTP/1.1 100 Continue\r\n\r\n', OK], {}],
      ['a body cut short', [OK.slice(0, -3)], {}],
      ['a body cut short, then a reset', [OK.slice(0, -3)], { gapMs: 20, end: 'reset' }],
      ['headers cut short', [OK.slice(0, 30)], {}],
      ['bytes beyond the body', [`${OK}HTTP/1.1 200 OK\r\n`], {}],
      ['two lengths', [OK.replace('Content-Length: 13', 'Content-Length: 13\r\nContent-Length: 14')], {}],
      ['a folded header', [OK.replace('Content-Type: application/json', 'Content-Type: application/json\r\n x')], {}],
      ['garbage', ['SSH-2.0-OpenSSH_9.2\r\n'], {}],
      ['nothing, a close', [], {}],
      ['nothing, a reset', [], { end: 'reset' }],
    ];
    for (const [name, pieces, options] of cases) {
      const port = await serve(pieces, options);
      const { asked, plain, early } = await bothWays(port);
      expect(plain, name).toBeUndefined();
      expect(early, name).toEqual(asked);
      for (const socket of sockets.splice(0)) socket.destroy();
      await new Promise((resolve) => server!.close(resolve));
    }
  });

  it(`an answer still coming after ${PLAIN_WAIT_MS} ms is the http client's, which reads it all`, async () => {
    const port = await serve([OK.slice(0, 30), OK.slice(30)], { gapMs: PLAIN_WAIT_MS + 100, end: 'stay' });
    const { asked, plain, early } = await bothWays(port);
    expect(plain).toBeUndefined();
    expect(early).toEqual(asked);
    expect(asked).toEqual({ status: 200, body: '{"images":[]}' });
  });

  it('a server that never answers is waited for --timeout in all, the time read by hand included (HEADERS_TIMEOUT)', async () => {
    const port = await serve([], { end: 'stay' });
    const url = new URL(`http://127.0.0.1:${port}/v2/images`);
    const started = Date.now();
    await sendEarly(url, {}, wire(1500), 5000, true);
    expect(await readEarlyPlainAnswer(url)).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(PLAIN_WAIT_MS - 10);
    expect(await met(takeEarlyAnswer(url)!)).toEqual({ error: 'HEADERS_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(1500 + 300);
  });

  it('is not read by hand once the http client reads it, nor for another URL', async () => {
    const port = await serve([OK], { end: 'stay' });
    const url = new URL(`http://127.0.0.1:${port}/v2/images`);
    await sendEarly(url, {}, wire(), 5000, true);
    expect(await readEarlyPlainAnswer(new URL(`${url.href}?limit=1`))).toBeUndefined();
    const answer = takeEarlyAnswer(url)!;
    expect(await readEarlyPlainAnswer(url)).toBeUndefined();
    expect(await met(answer)).toEqual({ status: 200, body: '{"images":[]}' });
    await sendEarly(url, {}, wire(), 5000); // read by the http client as soon as written
    expect(await readEarlyPlainAnswer(url)).toBeUndefined();
  });

  it('unread, its socket does not keep the process running (a program that never asks for it ends); read, it does', async () => {
    const port = await serve([OK.slice(0, 20)], { end: 'stay' });
    server!.on('connection', (socket) => socket.unref());
    const url = new URL(`http://127.0.0.1:${port}/v2/images`);
    const sockets = () => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap').length;
    await new Promise((resolve) => setTimeout(resolve, 50)); // earlier tests' sockets closed
    const before = sockets();
    await sendEarly(url, {}, wire(), 5000, true);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the server has its connection (unreferenced)
    expect(sockets()).toBe(before);
    const answer = met(takeEarlyAnswer(url)!);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sockets()).toBe(before + 1);
    for (const socket of sockets_()) socket.destroy();
    await answer;
  });
});

// The early answer read by hand (src/http/plain-answer.ts): a plain 200 is read without node:http;
// anything else is put back on the socket as it came, and the wire's http client then meets exactly
// what it meets when it asks itself (the same status, body or error), within the same --timeout.
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readEarlyPlainAnswer, sendEarly, takeEarlyAnswer } from '../../src/http/early.js';
import type { WireResponse } from '../../src/http/wire.js';
import { plainAnswer } from '../../src/http/plain-answer.js';
import { Wire } from '../../src/http/wire.js';
import { readBody } from '../../src/session/read-body.js';

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
      OK.replace('Content-Length: 13', 'Content-Length: 13\t'),
      OK.replace('Content-Length: 13', 'Content-Length: 13\xa0'),
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

/** A server that answers each request with these pieces, written `gapMs` apart, then does `end` (`endMs` later). */
async function serve(pieces: string[], { gapMs = 0, end = 'end' as 'end' | 'reset' | 'stay', endMs = 0 } = {}): Promise<number> {
  server = createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    socket.once('data', async () => {
      for (const piece of pieces) {
        if (gapMs) await new Promise((resolve) => setTimeout(resolve, gapMs));
        if (!socket.destroyed) socket.write(bytes(piece));
      }
      if (endMs) await new Promise((resolve) => setTimeout(resolve, endMs));
      if (end === 'end') socket.end();
      else if (end === 'reset') socket.resetAndDestroy();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** What a session meets: the answer, or a failure before it (`answer`: the transport retries some) or within its body, read as the session reads it. */
type Met = { status: number; body: string } | { failed: 'answer' | 'body'; error: string };

async function met(answer: Promise<WireResponse>, timeoutMs: number): Promise<Met> {
  let res: WireResponse;
  try {
    res = await answer;
  } catch (err) {
    return { failed: 'answer', error: (err as { code?: string }).code ?? (err as Error).message };
  }
  try {
    return { status: res.status, body: await readBody({ ...res, url: 'http://glance' }, timeoutMs / 1000) };
  } catch (err) {
    return { failed: 'body', error: (err as { code?: string }).code ?? (err as Error).message };
  }
}

const wire =
  (timeoutMs = 5000) =>
  async () =>
    new Wire(timeoutMs, 5000, { rejectUnauthorized: true });

/**
 * What the wire meets asking itself, and what the early answer gives: read by hand, then (as if it
 * was not the kept one) by the wire; and how long each took.
 */
async function bothWays(port: number, timeoutMs = 5000): Promise<{ asked: Met; plain: string | undefined; early: Met; askedMs: number; earlyMs: number }> {
  const url = new URL(`http://127.0.0.1:${port}/v2/images`);
  let started = Date.now();
  const asked = await met((await wire(timeoutMs)()).send({ method: 'GET', url, headers: {} }), timeoutMs);
  const askedMs = Date.now() - started;
  started = Date.now();
  await sendEarly(url, {}, wire(timeoutMs), 5000, true);
  const plain = (await readEarlyPlainAnswer(url, timeoutMs))?.toString('latin1');
  const early = await met(takeEarlyAnswer(url)!, timeoutMs);
  return { asked, plain, early, askedMs, earlyMs: Date.now() - started };
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
      ['headers, then a reset', [OK.slice(0, -13)], { gapMs: 20, end: 'reset' }],
      ['a body cut short, a reset 50 ms later', [OK.slice(0, -3)], { end: 'reset', endMs: 50 }],
      ['headers cut short, a reset 50 ms later', [OK.slice(0, 30)], { end: 'reset', endMs: 50 }],
      ['Content-Length and a tab', [OK.replace('Content-Length: 13', 'Content-Length: 13\t')], {}],
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

  it('within --timeout as the http client has it: idle before the answer and within it, and in all since its headers', async () => {
    const cases: Array<[string, string[], number, number]> = [
      // name, pieces (a gap before each), the gap, --timeout
      ['an answer that came after --timeout', [OK], 400, 200],
      ['an answer that came within --timeout', [OK], 150, 400],
      ['the end of the body after --timeout', [OK.slice(0, -3), OK.slice(-3)], 500, 400],
      ['a trickle, each piece within --timeout, all after it', [OK.slice(0, -12), ...OK.slice(-12)], 100, 500],
    ];
    for (const [name, pieces, gapMs, timeoutMs] of cases) {
      const port = await serve(pieces, { gapMs, end: 'stay' });
      const { asked, plain, early, askedMs, earlyMs } = await bothWays(port, timeoutMs);
      expect(early, name).toEqual(asked);
      if ('failed' in asked) expect(plain, name).toBeUndefined();
      expect(Math.abs(earlyMs - askedMs), `${name}: ${earlyMs} ms read early, ${askedMs} ms asked`).toBeLessThan(150);
      for (const socket of sockets.splice(0)) socket.destroy();
      await new Promise((resolve) => server!.close(resolve));
    }
  });

  it('once it gets the answer from the socket, the http client times its idle afresh from the next byte the server sends', async () => {
    const chunked = ['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n', '5\r\n{"a":\r\n', '2\r\n1}\r\n', '0\r\n\r\n'];
    const port = await serve(chunked, { gapMs: 300, end: 'stay' });
    const url = new URL(`http://127.0.0.1:${port}/v2/images`);
    await sendEarly(url, {}, wire(500), 5000, true);
    expect(await readEarlyPlainAnswer(url, 500)).toBeUndefined(); // chunked: the http client's, at once
    await new Promise((resolve) => setTimeout(resolve, 250)); // the program loading: idle 250 ms more, then a byte
    expect(await met(takeEarlyAnswer(url)!, 5000)).toEqual({ status: 200, body: '{"a":1}' });
  });

  it('a server that never answers is waited for --timeout in all, the time read by hand included (HEADERS_TIMEOUT)', async () => {
    const port = await serve([], { end: 'stay' });
    const url = new URL(`http://127.0.0.1:${port}/v2/images`);
    const started = Date.now();
    await sendEarly(url, {}, wire(1000), 5000, true);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the program loading
    expect(await readEarlyPlainAnswer(url, 1000)).toBeUndefined();
    expect(await met(takeEarlyAnswer(url)!, 1000)).toEqual({ failed: 'answer', error: 'HEADERS_TIMEOUT' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(Date.now() - started).toBeLessThan(1300);
  });

  it('is not read by hand once the http client reads it, nor for another URL', async () => {
    const port = await serve([OK], { end: 'stay' });
    const url = new URL(`http://127.0.0.1:${port}/v2/images`);
    await sendEarly(url, {}, wire(), 5000, true);
    expect(await readEarlyPlainAnswer(new URL(`${url.href}?limit=1`), 5000)).toBeUndefined();
    const answer = takeEarlyAnswer(url)!;
    expect(await readEarlyPlainAnswer(url, 5000)).toBeUndefined();
    expect(await met(answer, 5000)).toEqual({ status: 200, body: '{"images":[]}' });
    await sendEarly(url, {}, wire(), 5000); // read by the http client as soon as written
    expect(await readEarlyPlainAnswer(url, 5000)).toBeUndefined();
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
    const answer = met(takeEarlyAnswer(url)!, 5000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sockets()).toBe(before + 1);
    for (const socket of sockets_()) socket.destroy();
    await answer;
  });
});

// The GET sent early to an http:// URL on a socket of its own (src/http/early.ts), its answer read by
// the wire's http client (src/http/wire.ts, `written`): what goes on the wire is what Node's client
// would have written, once; a raw server sees every byte.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { hostOf } from '../../src/http/address.js';
import { recordingServer } from '../helpers/recording-server.js';
import { requestHead, sendEarly, sentHeaders, takeEarlyAnswer } from '../../src/http/early.js';
import { Wire } from '../../src/http/wire.js';

let server: Server | undefined;
const sockets: Socket[] = [];
const recorded: Socket[][] = [];
afterEach(async () => {
  for (const socket of [...sockets.splice(0), ...recorded.splice(0).flat()]) socket.destroy();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A server that records every byte each connection sent, and answers each request head with `answer`. */
async function rawServer(answer = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{"images":[]}', host = '127.0.0.1') {
  const recording = await recordingServer({ answer, host });
  server = recording.server;
  recorded.push(recording.sockets); // filled as connections come: destroyed after each test
  return { port: recording.port, received: recording.received };
}

/** The bytes Node's http client writes for this GET with these headers and no agent (as the wire reads an early answer). */
async function nodeWrites(url: URL, headers: Record<string, string>, received: string[]): Promise<string> {
  const host = hostOf(url);
  await new Promise<void>((resolve, reject) => {
    const req = request({
      method: 'GET',
      host,
      port: Number(url.port),
      path: url.pathname + url.search,
      headers: sentHeaders(url, headers),
      createConnection: () => connect({ host, port: Number(url.port) }),
    });
    req.on('response', (res) => res.resume().on('end', resolve));
    req.on('error', reject);
    req.end();
  });
  return received.at(-1)!;
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

const wire = async () => new Wire(5000, 5000, { rejectUnauthorized: true });
const TOKEN = 'gAAAAABtoken-_.~';

describe('the early GET on a socket of its own', () => {
  it("is written as Node's http client writes it: the request line, the headers in order, Host, Connection: close", async () => {
    const cases: Array<[string, Record<string, string>]> = [
      [
        'http://127.0.0.1:PORT/v2/images?sort_key=name&sort_dir=asc&limit=1000',
        { 'User-Agent': 'openstack-classic-cli', Accept: 'application/json', 'X-Auth-Token': TOKEN },
      ],
      ['http://127.0.0.1:PORT/v3/projects?domain_id=default&name=a%20b', { 'X-Auth-Token': TOKEN, 'OpenStack-API-Version': 'identity 3.14' }],
      ['http://127.0.0.1:PORT/', {}],
    ];
    const { port, received } = await rawServer();
    for (const [template, headers] of cases) {
      const url = new URL(template.replace('PORT', String(port)));
      expect(requestHead(url, headers)).toBe(await nodeWrites(url, headers, received));
    }
  });

  it('goes once, as written early: the wire reads its answer and writes nothing more; the answer is the one read', async () => {
    const { port, received } = await rawServer();
    const url = new URL(`http://127.0.0.1:${port}/v2/images?limit=1000`);
    const headers = { 'User-Agent': 'openstack-classic-cli', 'X-Auth-Token': TOKEN };
    await sendEarly(url, headers, wire, 5000);
    const answer = await takeEarlyAnswer(url)!;
    expect(answer.status).toBe(200);
    expect(await answer.body.text()).toBe('{"images":[]}');
    expect(received).toEqual([requestHead(url, headers)]);
  });

  it('a request the http client would write otherwise than it went fails as EARLY_MISMATCH (a fault of ours), never sent twice', async () => {
    const { port, received } = await rawServer();
    const url = new URL(`http://127.0.0.1:${port}/v2/images`);
    const socket = connect({ host: '127.0.0.1', port });
    const head = requestHead(url, { Accept: 'application/json' })!;
    await new Promise<void>((resolve) => socket.write(head, 'latin1', () => resolve()));
    const asked = (await wire()).send({ method: 'GET', url, headers: { Accept: 'text/plain' }, written: { socket, head } });
    await expect(asked).rejects.toMatchObject({ code: 'EARLY_MISMATCH' });
    await until(() => received[0] === head);
    expect(received).toEqual([head]);
  });

  it('a refused connection is the answer the program meets (the early send itself never throws)', async () => {
    const { port } = await rawServer();
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const url = new URL(`http://127.0.0.1:${port}/v2/images`);
    await sendEarly(url, {}, wire, 5000);
    await expect(takeEarlyAnswer(url)!).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('a connection reset before the wire listens fails the answer at once, not after --timeout', async () => {
    server = createServer((socket) => {
      sockets.push(socket);
      socket.once('data', () => socket.resetAndDestroy());
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = new URL(`http://127.0.0.1:${(server.address() as { port: number }).port}/v2/images`);
    const slowWire = async () => {
      await new Promise((resolve) => setTimeout(resolve, 100)); // the reset comes while the wire loads
      return wire();
    };
    const started = Date.now();
    await sendEarly(url, {}, slowWire, 5000);
    await expect(takeEarlyAnswer(url)!).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a host that never answers the connection fails the answer within the connect timeout, as the wire would (CONNECT_TIMEOUT)', async () => {
    // A listener that never accepts, its queue filled: the next connection's SYN is never answered.
    const listener = spawn('python3', [
      '-c',
      'import socket,sys,time\ns=socket.socket()\ns.bind(("127.0.0.1",0))\ns.listen(0)\nprint(s.getsockname()[1],flush=True)\ntime.sleep(30)',
    ]);
    try {
      const port = Number(await new Promise<string>((resolve) => listener.stdout.once('data', (data) => resolve(String(data)))));
      for (let connected = true; connected; ) {
        const filler = connect({ host: '127.0.0.1', port });
        sockets.push(filler);
        filler.on('error', () => undefined);
        connected = await new Promise<boolean>((resolve) => {
          filler.once('connect', () => resolve(true));
          setTimeout(() => resolve(false), 300);
        });
      }
      const url = new URL(`http://127.0.0.1:${port}/v2/images`);
      const started = Date.now();
      await sendEarly(url, {}, wire, 500);
      await expect(takeEarlyAnswer(url)!).rejects.toMatchObject({ code: 'CONNECT_TIMEOUT' });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      listener.kill();
    }
  });

  it('a path or header Node would refuse (a line break, a space) is not written by hand: the wire sends it, and refuses it as Node does', async () => {
    expect(requestHead(new URL('http://127.0.0.1:1/a'), { 'X-Auth-Token': 'a\r\nX-Injected: 1' })).toBeUndefined();
    expect(requestHead(new URL('http://127.0.0.1:1/a'), { 'Bad Name': 'x' })).toBeUndefined();
    const url = new URL('http://127.0.0.1:1/a');
    Object.defineProperty(url, 'pathname', { value: '/a b' });
    expect(requestHead(url, {})).toBeUndefined();
  });

  it('to an IPv6 address too', async () => {
    let ipv6 = true;
    const { port, received } = await rawServer(undefined, '::1').catch(() => {
      ipv6 = false;
      return { port: 0, received: [] as string[] };
    });
    if (!ipv6) return; // no IPv6 loopback on this machine
    const url = new URL(`http://[::1]:${port}/v2/images`);
    await sendEarly(url, { 'X-Auth-Token': TOKEN }, wire, 5000);
    expect((await takeEarlyAnswer(url)!).status).toBe(200);
    expect(received).toEqual([requestHead(url, { 'X-Auth-Token': TOKEN })]);
    expect(received[0]).toContain(`Host: [::1]:${port}\r\n`);
  });
});

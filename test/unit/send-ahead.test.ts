// The request written ahead of everything (src/session/send-ahead.ts, src/http/early-socket.ts):
// sent from the record of these very inputs (secrets included) with the token cached now, only where
// that token's catalog still points, and taken by the early request only if it is exactly the bytes
// it would write there.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dropSentAhead, requestHead, writeOnSocket } from '../../src/http/early-socket.js';
import { inputsOf, recordName } from '../../src/session/early-record.js';
import { sendAhead } from '../../src/session/send-ahead.js';
import { USER_AGENT } from '../../src/http/user-agent.js';
import { recordingServer } from '../helpers/recording-server.js';

let server: Server | undefined;
const sockets: Socket[] = [];
const recorded: Socket[][] = [];
afterEach(async () => {
  dropSentAhead();
  for (const socket of [...sockets.splice(0), ...recorded.splice(0).flat()]) socket.destroy();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A server that records what each connection sent, and answers nothing. */
async function listen(): Promise<{ port: number; received: string[] }> {
  const recording = await recordingServer();
  server = recording.server;
  recorded.push(recording.sockets);
  return { port: recording.port, received: recording.received };
}

const ENV = { OS_AUTH_URL: 'http://127.0.0.1:5000/v3', OS_USERNAME: 'admin', OS_PASSWORD: 'secret-1', OS_TENANT_NAME: 'admin' };
const ARGV = ['image-list'];
const TOKEN_KEY = 'a'.repeat(64);

function tokenEntry(port: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    token: 'gAAAAtoken',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    identityUrl: 'http://127.0.0.1:5000/v3',
    userId: 'u1',
    catalog: [{ id: 'i', type: 'image', endpoints: [{ id: 'e', interface: 'public', region_id: 'RegionOne', url: `http://127.0.0.1:${port}` }] }],
    ...overrides,
  };
}

/** A private cache holding the record of ENV and ARGV's first request (to Glance at `port`) and the token entry; the env to find them. */
function cached(port: number, { record = {}, entry = tokenEntry(port) }: { record?: Record<string, unknown>; entry?: unknown } = {}): NodeJS.ProcessEnv {
  const env = { ...ENV, XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'osc-ahead-')) };
  const tokens = join(env.XDG_CACHE_HOME, 'openstack-classic-cli', 'tokens');
  mkdirSync(tokens, { recursive: true, mode: 0o700 });
  const inputs = inputsOf('glance', ARGV, env, process.cwd())!;
  const base = `http://127.0.0.1:${port}`;
  const first = {
    service: 'image',
    interface: 'public',
    base,
    url: `${base}/v2/images?limit=20`,
    headers: { Accept: 'application/json' },
    tokenKey: TOKEN_KEY,
    timeoutSeconds: 600,
  };
  writeFileSync(join(tokens, `${recordName(inputs)}.json`), JSON.stringify({ inputs, ...first, ...record }), { mode: 0o600 });
  writeFileSync(join(tokens, `${TOKEN_KEY}.json`), JSON.stringify(entry), { mode: 0o600 });
  return env;
}

/** The bytes the early request writes for that record with this token. */
const headFor = (port: number, token = 'gAAAAtoken') =>
  requestHead(new URL(`http://127.0.0.1:${port}/v2/images?limit=20`), { 'User-Agent': USER_AGENT, Accept: 'application/json', 'X-Auth-Token': token })!;

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('a request sent ahead', () => {
  it('is written once, with the token cached now, and the early request takes its socket when it would write the same bytes there', async () => {
    const { port, received } = await listen();
    await sendAhead('glance', ARGV, cached(port, { entry: tokenEntry(port, { token: 'gAAAArenewed' }) }));
    const head = headFor(port, 'gAAAArenewed');
    await until(() => received[0] === head);
    expect(received).toEqual([head]);
    const { socket } = await writeOnSocket('127.0.0.1', port, head, 5000);
    sockets.push(socket);
    expect(socket.destroyed).toBe(false);
    expect(dropSentAhead()).toBe(false); // taken
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual([head]);
  });

  it('is destroyed unread when the early request writes other bytes, which go on a socket of their own', async () => {
    const { port, received } = await listen();
    await sendAhead('glance', ARGV, cached(port));
    const other = headFor(port).replace('limit=20', 'limit=21');
    const { socket } = await writeOnSocket('127.0.0.1', port, other, 5000);
    sockets.push(socket);
    await until(() => received.length === 2 && received[1] === other);
    expect(received).toEqual([headFor(port), other]);
    expect(dropSentAhead()).toBe(true);
  });

  it('is not sent for other inputs (another password, an empty one), nor unless the token is usable and its catalog still points there', async () => {
    const { port, received } = await listen();
    const endpoint = (overrides: Record<string, unknown>) => [
      { id: 'i', type: 'image', endpoints: [{ id: 'e', interface: 'public', url: `http://127.0.0.1:${port}`, ...overrides }] },
    ];
    const cases: Array<[string, () => Promise<void>]> = [
      ['another password', () => sendAhead('glance', ARGV, { ...cached(port), OS_PASSWORD: 'secret-2' })],
      ['an empty password (a prompt to come)', () => sendAhead('glance', ARGV, { ...cached(port), OS_PASSWORD: '' })],
      ['a token set besides', () => sendAhead('glance', ARGV, { ...cached(port), OS_TOKEN: 'x' })],
      ['a proxy set', () => sendAhead('glance', ARGV, { ...cached(port), http_proxy: 'http://127.0.0.1:1' })],
      [
        'the token within the cache margin of its expiry',
        () => sendAhead('glance', ARGV, cached(port, { entry: tokenEntry(port, { expiresAt: new Date(Date.now() + 60_000).toISOString() }) })),
      ],
      ['an endpoint moved', () => sendAhead('glance', ARGV, cached(port, { entry: tokenEntry(port, { catalog: endpoint({ url: 'http://127.0.0.1:1' }) }) }))],
      [
        'the endpoint of another interface only',
        () => sendAhead('glance', ARGV, cached(port, { entry: tokenEntry(port, { catalog: endpoint({ interface: 'admin' }) }) })),
      ],
      [
        'the endpoint of another region only',
        () =>
          sendAhead(
            'glance',
            ARGV,
            cached(port, { record: { region: 'RegionTwo' }, entry: tokenEntry(port, { catalog: endpoint({ region_id: 'RegionOne' }) }) }),
          ),
      ],
      [
        'the endpoint now https',
        () => sendAhead('glance', ARGV, cached(port, { entry: tokenEntry(port, { catalog: endpoint({ url: `https://127.0.0.1:${port}` }) }) })),
      ],
      ['a token with a line break', () => sendAhead('glance', ARGV, cached(port, { entry: tokenEntry(port, { token: 'a\r\nX-Injected: 1' }) }))],
      ['no token entry', () => sendAhead('glance', ARGV, cached(port, { entry: 'gone' }))],
      ['a record of other inputs under that name', () => sendAhead('glance', ARGV, cached(port, { record: { inputs: '0'.repeat(32) } }))],
      ['a token key that is a path', () => sendAhead('glance', ARGV, cached(port, { record: { tokenKey: '../../../etc/passwd' } }))],
      ['an https record', () => sendAhead('glance', ARGV, cached(port, { record: { url: `https://127.0.0.1:${port}/v2/images` } }))],
      [
        'the endpoint moved to a path',
        () => sendAhead('glance', ARGV, cached(port, { entry: tokenEntry(port, { catalog: endpoint({ url: `http://127.0.0.1:${port}/image` }) }) })),
      ],
      [
        'another endpoint first, which the session would choose',
        () => {
          const [service] = endpoint({});
          const first = { id: 'e0', interface: 'public', region_id: 'RegionZero', url: 'http://127.0.0.1:1' };
          return sendAhead('glance', ARGV, cached(port, { entry: tokenEntry(port, { catalog: [{ ...service, endpoints: [first, ...service!.endpoints] }] }) }));
        },
      ],
      ['a token entry the session would refuse (no user)', () => sendAhead('glance', ARGV, cached(port, { entry: tokenEntry(port, { userId: undefined }) }))],
      ['a header that is not text', () => sendAhead('glance', ARGV, cached(port, { record: { headers: { Accept: { not: 'text' } } } }))],
      [
        'a record that is a link',
        async () => {
          const env = cached(port);
          const file = join(env.XDG_CACHE_HOME!, 'openstack-classic-cli', 'tokens', `${recordName(inputsOf('glance', ARGV, env, process.cwd())!)}.json`);
          const elsewhere = join(env.XDG_CACHE_HOME!, 'record.json');
          writeFileSync(elsewhere, '{}');
          rmSync(file);
          symlinkSync(elsewhere, file);
          await sendAhead('glance', ARGV, env);
        },
      ],
    ];
    for (const [name, send] of cases) {
      await send();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(received, name).toEqual([]);
      expect(dropSentAhead(), name).toBe(false);
    }
    await sendAhead('glance', ARGV, cached(port));
    await until(() => received[0] === headFor(port));
    expect(received).toEqual([headFor(port)]);
  });
});

// The request written ahead of everything (src/session/send-ahead.ts, src/http/early-socket.ts):
// found by a name that no secret's value goes into, sent only from a recipe that is ours, well-formed
// and unexpired, and taken by the early request only if it is exactly the bytes it would write there.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { requestHead } from '../../src/http/early.js';
import { dropSentAhead, writeOnSocket } from '../../src/http/early-socket.js';
import { AHEAD_FORMAT, type AheadRecipe, aheadName, sendAhead } from '../../src/session/send-ahead.js';
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

/** The token cache's entry of the token a recipe carries: usable, its catalog naming the Glance at `port`. */
function tokenEntry(port: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    token: 'gAAAAtoken',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    identityUrl: 'http://127.0.0.1:5000/v3',
    catalog: [{ id: 'i', type: 'image', endpoints: [{ id: 'e', interface: 'public', url: `http://127.0.0.1:${port}` }] }],
    ...overrides,
  };
}

/** A private cache with this recipe for ENV and ARGV, and this token entry; the env to find them. */
function withRecipe(recipe: unknown, entry?: unknown): NodeJS.ProcessEnv {
  const env = { ...ENV, XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'osc-ahead-')) };
  const tokens = join(env.XDG_CACHE_HOME, 'openstack-classic-cli', 'tokens');
  mkdirSync(tokens, { recursive: true, mode: 0o700 });
  writeFileSync(join(tokens, `${aheadName('glance', ARGV, env, process.cwd())}.json`), JSON.stringify(recipe), { mode: 0o600 });
  const port = (recipe as { port?: number }).port ?? 0;
  writeFileSync(join(tokens, `${TOKEN_KEY}.json`), JSON.stringify(entry ?? tokenEntry(port)), { mode: 0o600 });
  return env;
}

function recipeFor(port: number, overrides: Partial<AheadRecipe> = {}): AheadRecipe {
  const head = requestHead(new URL(`http://127.0.0.1:${port}/v2/images`), { 'X-Auth-Token': 'gAAAAtoken' })!;
  return { format: AHEAD_FORMAT, host: '127.0.0.1', port, head, tokenKey: TOKEN_KEY, connectTimeoutMs: 5000, ...overrides };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("a recipe's name", () => {
  it('is the same whatever the secrets are, and another for any other input, whether a secret is set included', () => {
    const name = aheadName('glance', ARGV, ENV, '/w');
    expect(name).toMatch(/^early-[0-9a-f]{16}-ahead$/);
    expect(aheadName('glance', ARGV, { ...ENV, OS_PASSWORD: 'secret-2' }, '/w')).toBe(name);
    const others = [
      aheadName('keystone', ARGV, ENV, '/w'),
      aheadName('glance', ['image-list', '--name', 'a'], ENV, '/w'),
      aheadName('glance', ARGV, ENV, '/elsewhere'),
      aheadName('glance', ARGV, { ...ENV, OS_USERNAME: 'demo' }, '/w'),
      aheadName('glance', ARGV, { ...ENV, OS_TOKEN: 'x' }, '/w'),
      aheadName('glance', ARGV, { ...ENV, XDG_CACHE_HOME: '/c' }, '/w'),
    ];
    expect(new Set([name, ...others]).size).toBe(others.length + 1);
  });

  it('is none for a command line that may hold a secret, or with a proxy set (the request would go around it)', () => {
    expect(aheadName('glance', ['--os-password', 'x', 'image-list'], ENV, '/w')).toBeUndefined();
    expect(aheadName('glance', ['--os-token=x', 'image-list'], ENV, '/w')).toBeUndefined();
    expect(aheadName('glance', ['--os-application-credential-secret', 'x', 'image-list'], ENV, '/w')).toBeUndefined();
    expect(aheadName('keystone', ['user-password-update', '--pass', 'x', 'u'], ENV, '/w')).toBeUndefined();
    expect(aheadName('glance', ['--os-auth-url', 'http://admin:s3@127.0.0.1/v3', 'image-list'], ENV, '/w')).toBeUndefined();
    expect(aheadName('glance', ARGV, { ...ENV, OS_AUTH_URL: 'http://admin:s3@127.0.0.1/v3' }, '/w')).toBeUndefined();
    expect(aheadName('glance', ARGV, { ...ENV, https_proxy: 'http://proxy:3128' }, '/w')).toBeUndefined();
  });
});

describe('a request sent ahead', () => {
  it('is written once, and the early request takes its socket when it would write the same bytes there', async () => {
    const { port, received } = await listen();
    const recipe = recipeFor(port);
    await sendAhead('glance', ARGV, withRecipe(recipe));
    await until(() => received[0] === recipe.head);
    expect(received).toEqual([recipe.head]);
    const { socket } = await writeOnSocket('127.0.0.1', port, recipe.head, 5000);
    sockets.push(socket);
    expect(socket.destroyed).toBe(false);
    expect(dropSentAhead()).toBe(false); // taken
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual([recipe.head]);
  });

  it('is destroyed unread when the early request would write other bytes (another token), which go on a socket of their own', async () => {
    const { port, received } = await listen();
    const recipe = recipeFor(port);
    await sendAhead('glance', ARGV, withRecipe(recipe));
    const other = recipe.head.replace('gAAAAtoken', 'gAAAAnewer');
    const { socket } = await writeOnSocket('127.0.0.1', port, other, 5000);
    sockets.push(socket);
    await until(() => received.length === 2 && received[1] === other);
    expect(received).toEqual([recipe.head, other]);
    expect(dropSentAhead()).toBe(true); // its recipe is stale
  });

  it('is not sent unless the cached token is the one in it, still usable, and its catalog still names that host and port', async () => {
    const { port, received } = await listen();
    const bad: Array<Record<string, unknown> | 'none'> = [
      tokenEntry(port, { token: 'gAAAAnewer' }),
      tokenEntry(port, { expiresAt: new Date(Date.now() + 60_000).toISOString() }), // within the token cache's margin
      tokenEntry(port, { catalog: [{ id: 'i', type: 'image', endpoints: [{ id: 'e', interface: 'public', url: 'http://127.0.0.1:1' }] }] }),
      tokenEntry(port, { catalog: [{ id: 'i', type: 'image', endpoints: [{ id: 'e', interface: 'public', url: `https://127.0.0.1:${port}` }] }] }),
      'none',
    ];
    for (const [i, entry] of bad.entries()) {
      const env = withRecipe(recipeFor(port), entry === 'none' ? {} : entry);
      await sendAhead('glance', ARGV, env);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(received, String(i)).toEqual([]);
    }
    await sendAhead('glance', ARGV, withRecipe(recipeFor(port)));
    await until(() => received.length === 1);
    expect(received).toHaveLength(1);
  });

  it('is not sent from a recipe that is malformed (a bare CR or LF, a second request, not a GET), or not a file of ours', async () => {
    const { port, received } = await listen();
    const bad: unknown[] = [
      recipeFor(port, { tokenKey: '../../x' }),
      recipeFor(port, { format: AHEAD_FORMAT + 1 }),
      recipeFor(port, { host: '127.0.0.1 evil' }),
      recipeFor(port, { port: 70_000 }),
      recipeFor(port, { head: `${recipeFor(port).head}GET /x HTTP/1.1\r\n\r\n` }),
      recipeFor(port, { head: recipeFor(port).head.replace('X-Auth-Token: ', 'X-Auth-Token: a\rX-Injected: ') }),
      recipeFor(port, { head: recipeFor(port).head.replace('X-Auth-Token: ', 'X-Auth-Token: a\nX-Injected: ') }),
      recipeFor(port, { head: 'POST /v2/images HTTP/1.1\r\nHost: x\r\n\r\n' }),
      { ...recipeFor(port), connectTimeoutMs: 0 },
      'not a recipe',
    ];
    for (const [i, recipe] of bad.entries()) {
      await sendAhead('glance', ARGV, withRecipe(recipe));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(received, String(i)).toEqual([]);
    }
    // A link to a good recipe: never followed.
    const env = withRecipe(recipeFor(port));
    const tokens = join(env.XDG_CACHE_HOME!, 'openstack-classic-cli', 'tokens');
    const file = join(tokens, `${aheadName('glance', ARGV, env, process.cwd())}.json`);
    const elsewhere = join(env.XDG_CACHE_HOME!, 'recipe.json');
    writeFileSync(elsewhere, JSON.stringify(recipeFor(port)));
    rmSync(file);
    symlinkSync(elsewhere, file);
    await sendAhead('glance', ARGV, env);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual([]);
    expect(dropSentAhead()).toBe(false);
  });
});

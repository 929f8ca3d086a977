// A cached command's first request sent as the process starts (src/session/early-request.ts): each
// test plays two or more runs of one command against a fake Keystone and Glance on loopback, each
// run as the entry plays it (sendRememberedRequest), then the session making its first request, or
// the replay printing the early answer (src/cli/replay.ts).
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { imageList } from '../../src/cli/glance/commands/image-list.js';
import { replay, type ReplaySpec } from '../../src/cli/replay.js';
import { makeTestDeps } from '../helpers/deps.js';
import { GOOD_IMAGE } from '../helpers/fake-cloud.js';
import { saveRemembered, sendRememberedRequest } from '../../src/session/early-request.js';
import { inputsOf } from '../../src/session/early-record.js';
import { createSession } from '../../src/session/factory.js';

interface Seen {
  method: string;
  url: string;
  token?: string;
  /** Milliseconds since the run began (set by the test). */
  at: number;
}

interface Cloud {
  authUrl: string;
  glanceUrl: (n: number) => string;
  seen: Seen[];
  imageEndpoint: number;
  tokensIssued: number;
  /** Glance's answer to every request, or what it does instead of answering. */
  answer: Answer;
  close(): Promise<void>;
}

let cloud: Cloud;
let cacheHome: string;
let runStart = 0;

type Answer = [number, Record<string, string>, string] | ((res: ServerResponse) => void);

async function listen(handler: (req: IncomingMessage, body: string) => Answer): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const answer = handler(req, body);
      if (typeof answer === 'function') return answer(res);
      const [status, headers, text] = answer;
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const portOf = (server: Server): number => (server.address() as AddressInfo).port;

async function fakeCloud(): Promise<Cloud> {
  const glances = [await glance(), await glance()];
  const state: Cloud = {
    authUrl: '',
    glanceUrl: (n) => `http://127.0.0.1:${portOf(glances[n]!)}`,
    seen: [],
    imageEndpoint: 0,
    tokensIssued: 0,
    answer: [200, {}, JSON.stringify({ images: [{ id: 'i1', name: 'cirros' }] })],
    close: async () => {
      for (const server of [keystone, ...glances]) {
        const closed = new Promise((resolve) => server.close(resolve));
        server.closeAllConnections(); // an early answer nobody read holds its connection open
        await closed;
      }
    },
  };
  async function glance(): Promise<Server> {
    let port = 0;
    const server = await listen((req) => {
      state.seen.push({
        method: req.method!,
        url: `http://127.0.0.1:${port}${req.url}`,
        token: req.headers['x-auth-token'] as string,
        at: Date.now() - runStart,
      });
      return state.answer;
    });
    port = portOf(server);
    return server;
  }
  const keystone = await listen(() => {
    state.tokensIssued++;
    const token = {
      token: {
        expires_at: new Date(Date.now() + 3600_000).toISOString(),
        user: { id: 'u1', name: 'admin' },
        project: { id: 'p1', name: 'admin' },
        catalog: [
          {
            id: 's1',
            type: 'image',
            endpoints: [{ id: 'e1', interface: 'public', region_id: 'RegionOne', region: 'RegionOne', url: state.glanceUrl(state.imageEndpoint) }],
          },
        ],
      },
    };
    return [201, { 'X-Subject-Token': `token-${state.tokensIssued}` }, JSON.stringify(token)];
  });
  state.authUrl = `http://127.0.0.1:${portOf(keystone)}/v3`;
  return state;
}

function envFor(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { OS_AUTH_URL: cloud.authUrl, OS_USERNAME: 'admin', OS_PASSWORD: 'pw', OS_PROJECT_NAME: 'admin', XDG_CACHE_HOME: cacheHome, ...extra };
}

/** One run of `glance image-list`: the entry's early request, then the session's first request; the record is saved as main saves it, when the run went well. */
async function run(env = envFor(), argv = ['image-list'], trace?: (line: string) => void): Promise<string> {
  runStart = Date.now();
  await sendRememberedRequest('glance', argv, env);
  const session = await createSession({ flags: {}, env, warn: () => undefined, trace });
  try {
    const res = await session.request('image', { method: 'GET', path: '/v2/images', query: { limit: 1000 } });
    const text = await res.body.text();
    saveRemembered();
    return text;
  } finally {
    await session.close();
  }
}

const tokenDir = (): string => join(cacheHome, 'openstack-classic-cli', 'tokens');
const records = (): string[] => readdirSync(tokenDir()).filter((name) => name.startsWith('early-'));

beforeEach(async () => {
  cloud = await fakeCloud();
  cacheHome = mkdtempSync(join(tmpdir(), 'osc-early-'));
});
afterEach(async () => cloud.close());

describe('a first request sent as the process starts', () => {
  it('is remembered by the first run and sent by the next at once; the session takes its answer instead of asking again', async () => {
    const first = await run();
    expect(cloud.seen).toHaveLength(1);
    expect(records()).toHaveLength(1);
    const record = readFileSync(join(tokenDir(), records()[0]!), 'utf8');
    expect(record).not.toContain('"pw"');
    expect(record).not.toContain('token-1');

    cloud.seen.length = 0;
    runStart = Date.now();
    await sendRememberedRequest('glance', ['image-list'], envFor());
    // Sent before any session exists: the program has not been loaded yet.
    expect(cloud.seen).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cloud.seen.map((s) => [s.method, s.url, s.token])).toEqual([['GET', `${cloud.glanceUrl(0)}/v2/images?limit=1000`, 'token-1']]);
    const session = await createSession({ flags: {}, env: envFor(), warn: () => undefined });
    const res = await session.request('image', { method: 'GET', path: '/v2/images', query: { limit: 1000 } });
    expect(await res.body.text()).toBe(first);
    await session.close();
    expect(cloud.seen).toHaveLength(1);
    expect(cloud.tokensIssued).toBe(1);
  });

  it("goes where the cached token's catalog points today: an endpoint moved since is not sent the token", async () => {
    await run();
    // Another process re-authenticated meanwhile: the cached token's catalog names the second Glance.
    cloud.imageEndpoint = 1;
    const tokenFile = readdirSync(tokenDir()).find((name) => !name.startsWith('early-'))!;
    const entry = JSON.parse(readFileSync(join(tokenDir(), tokenFile), 'utf8'));
    entry.catalog[0].endpoints[0].url = cloud.glanceUrl(1);
    writeFileSync(join(tokenDir(), tokenFile), JSON.stringify(entry));
    cloud.seen.length = 0;
    await run();
    expect(cloud.seen.map((s) => s.url)).toEqual([`${cloud.glanceUrl(1)}/v2/images?limit=1000`]);
  });

  it('a record altered to name another origin is not followed', async () => {
    await run();
    const name = records()[0]!;
    const record = JSON.parse(readFileSync(join(tokenDir(), name), 'utf8'));
    record.url = `${cloud.glanceUrl(1)}/v2/images?limit=1000`;
    writeFileSync(join(tokenDir(), name), JSON.stringify(record));
    cloud.seen.length = 0;
    await run();
    expect(cloud.seen.map((s) => s.url)).toEqual([`${cloud.glanceUrl(0)}/v2/images?limit=1000`]);
  });

  it('when the program then asks for something else, it asks the server itself and the early answer is never read', async () => {
    await run();
    cloud.seen.length = 0;
    await sendRememberedRequest('glance', ['image-list'], envFor());
    const session = await createSession({ flags: {}, env: envFor(), warn: () => undefined });
    const res = await session.request('image', { method: 'GET', path: '/v2/images', query: { limit: 5 } });
    await res.body.text();
    await session.close();
    expect(cloud.seen.map((s) => s.url.replace(/.*\?/, ''))).toEqual(['limit=1000', 'limit=5']);
  });

  it('nothing is sent early with other inputs: another command line, another user, a token no longer cached', async () => {
    await run();
    cloud.seen.length = 0;
    await sendRememberedRequest('glance', ['image-list', '--name', 'x'], envFor());
    await sendRememberedRequest('glance', ['image-list'], envFor({ OS_USERNAME: 'demo' }));
    // Another password: the cached token is not that one's to use.
    await sendRememberedRequest('glance', ['image-list'], envFor({ OS_PASSWORD: 'wrong' }));
    await sendRememberedRequest('keystone', ['image-list'], envFor());
    for (const name of readdirSync(tokenDir())) if (!name.startsWith('early-')) writeFileSync(join(tokenDir(), name), '{}');
    await sendRememberedRequest('glance', ['image-list'], envFor());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cloud.seen).toEqual([]);
  });

  it('nothing is remembered through a proxy, under --debug, with the token cache off, or after a password prompt', async () => {
    await run(envFor({ https_proxy: 'http://127.0.0.1:9' }));
    await run(envFor(), ['image-list'], () => undefined);
    await run(envFor({ OS_CACHE: 'false' }));
    const { OS_PASSWORD: _, ...noPassword } = envFor();
    await sendRememberedRequest('glance', ['image-list'], noPassword);
    const session = await createSession({ flags: {}, env: noPassword, warn: () => undefined, promptPassword: async () => 'pw' });
    await (await session.request('image', { method: 'GET', path: '/v2/images' })).body.text();
    await session.close();
    expect(readdirSync(tokenDir()).filter((name) => name.startsWith('early-'))).toEqual([]);
  });

  it('an answer the program asks for more than a second after it was sent is not taken: the program asks afresh', async () => {
    await run();
    cloud.seen.length = 0;
    await sendRememberedRequest('glance', ['image-list'], envFor());
    await new Promise((resolve) => setTimeout(resolve, 1200)); // a program held up on its way (a pipe it reads)
    const session = await createSession({ flags: {}, env: envFor(), warn: () => undefined });
    await (await session.request('image', { method: 'GET', path: '/v2/images', query: { limit: 1000 } })).body.text();
    await session.close();
    expect(cloud.seen).toHaveLength(2);
    expect(cloud.seen[1]!.at - cloud.seen[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('no secret reaches a record: not from the command line, a URL or any OS_* variable', async () => {
    const secret = 'n3w-s3cret';
    await run(envFor({ OS_CLIENT_SECRET: secret, OS_ACCESS_TOKEN: secret }), [
      '--os-auth-url',
      `http://admin:${secret}@127.0.0.1/v3`,
      'user-password-update',
      '--pass',
      secret,
    ]);
    const [record] = records();
    expect(readFileSync(join(tokenDir(), record!), 'utf8')).not.toContain(secret);
    expect(readFileSync(join(tokenDir(), record!), 'utf8')).not.toContain('OS_');
  });

  it("at most 64 records are kept (a record and a replay's output per command line): a loop over many command lines does not grow the cache", async () => {
    for (let i = 0; i < 70; i++) await run(envFor(), ['image-show', `image-${i}`]);
    expect(records()).toHaveLength(64);
    cloud.seen.length = 0;
    // The latest are kept.
    await run(envFor(), ['image-show', 'image-69']);
    expect(cloud.seen).toHaveLength(1);
    expect(records()).toHaveLength(64);
  });
});

describe('a password typed at the prompt (the probe of the first version)', () => {
  /** A run whose user takes `typingMs` to type the password; the environment has none. */
  async function prompted(typingMs: number, timeoutSeconds?: number): Promise<string> {
    const { OS_PASSWORD: _, ...env } = envFor();
    const argv = timeoutSeconds === undefined ? ['image-list'] : ['--timeout', String(timeoutSeconds), 'image-list'];
    await sendRememberedRequest('glance', argv, env);
    const promptPassword = async (): Promise<string> => {
      await new Promise((resolve) => setTimeout(resolve, typingMs));
      return 'pw';
    };
    const session = await createSession({ flags: timeoutSeconds === undefined ? {} : { timeoutSeconds }, env, warn: () => undefined, promptPassword });
    try {
      return await (await session.request('image', { method: 'GET', path: '/v2/images', query: { limit: 1000 } })).body.text();
    } finally {
      await session.close();
    }
  }

  it('sends nothing with the cached token before the password is typed (a wrong one, or ^C, must send nothing)', async () => {
    await prompted(0);
    cloud.seen.length = 0;
    const { OS_PASSWORD: _, ...env } = envFor();
    await sendRememberedRequest('glance', ['image-list'], env);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the user is still at the prompt
    expect(cloud.seen).toEqual([]);
  });

  it('a prompt answered later than --timeout does not fail the run that worked the first time', async () => {
    await prompted(0, 0.2);
    await expect(prompted(500, 0.2)).resolves.toContain('images');
  });
});

describe('the inputs a record is kept under', () => {
  it('are a hash of the command line, the directory and the variables that configure the client, secrets included', () => {
    const env = { OS_PASSWORD: 'pw', OS_AUTH_URL: 'http://ks/v3', HOME: '/h', PATH: '/bin', AWS_SECRET: 's' };
    const inputs = inputsOf('glance', ['image-list'], env, '/w')!;
    expect(inputs).toMatch(/^[0-9a-f]{32}$/);
    expect(inputsOf('glance', ['image-list'], { ...env }, '/w')).toBe(inputs);
    // PATH and other programs' variables are not inputs; a password, the directory, the command line are.
    expect(inputsOf('glance', ['image-list'], { ...env, PATH: '/usr/bin', AWS_SECRET: 't' }, '/w')).toBe(inputs);
    for (const other of [
      inputsOf('glance', ['image-list'], { ...env, OS_PASSWORD: 'pw2' }, '/w'),
      inputsOf('glance', ['image-list'], env, '/x'),
      inputsOf('glance', ['image-list', '-f', 'json'], env, '/w'),
      inputsOf('keystone', ['image-list'], env, '/w'),
    ])
      expect(other).not.toBe(inputs);
  });

  it('are a SHA-256 of them: a record gives its password up to nobody who reads it (an FNV-like hash was run backwards in seconds)', () => {
    const env = { OS_PASSWORD: 'k7x2m9qz', OS_AUTH_URL: 'http://ks/v3', HOME: '/h' };
    const text = JSON.stringify([
      4,
      'source',
      'glance',
      ['image-list'],
      '/w',
      [
        ['HOME', '/h'],
        ['OS_AUTH_URL', 'http://ks/v3'],
        ['OS_PASSWORD', 'k7x2m9qz'],
      ],
    ]);
    expect(inputsOf('glance', ['image-list'], env, '/w')).toBe(createHash('sha256').update(text).digest('hex').slice(0, 32));
  });

  it('are none when a proxy variable is set: an early request would go around the proxy', () => {
    expect(inputsOf('glance', ['image-list'], { HTTPS_PROXY: 'http://p:3128' }, '/w')).toBeUndefined();
  });
});

describe('a cached image-list printed from its early answer (src/cli/replay.ts)', () => {
  const options = { query: {}, sort: { keys: [], dirs: [] }, humanReadable: false, includeStores: false };
  const spec = (extra: Partial<ReplaySpec> = {}): ReplaySpec => ({
    command: 'image-list',
    options,
    print: { format: 'table', columns: [] },
    verbose: false,
    imageApiVersion: 1,
    ...extra,
  });
  const image = (id: string, name: string) => ({ ...GOOD_IMAGE, id, name });
  beforeEach(() => {
    cloud.answer = [200, {}, JSON.stringify({ images: [image('i1', 'cirros')] })];
  });

  /** The program's run of image-list (its command module on a real session), saving the record as main does; `--timeout` as given. */
  async function programRun(replaySpec: ReplaySpec = spec(), timeoutSeconds?: number): Promise<string> {
    await sendRememberedRequest('glance', ['image-list'], envFor());
    const deps = makeTestDeps({
      env: envFor() as Record<string, string>,
      globals: { verbose: replaySpec.verbose, imageApiVersion: replaySpec.imageApiVersion, credentialFlags: { timeoutSeconds } },
      print: replaySpec.print,
    });
    try {
      await imageList.run(replaySpec.options, deps);
    } finally {
      await (await deps.session()).close();
    }
    saveRemembered(replaySpec);
    return deps.out();
  }

  /** A run as the entry makes it: the early request, then the replay; what it printed, or undefined if the program would have to run. */
  async function replayRun(): Promise<string | undefined> {
    const early = await sendRememberedRequest('glance', ['image-list'], envFor());
    if (!early) return undefined;
    let printed = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed += String(chunk);
      return true;
    });
    try {
      if (await replay('glance', early)) return printed;
      expect(printed).toBe('');
      return undefined;
    } finally {
      write.mockRestore();
    }
  }

  it('prints what the program printed, byte for byte, from the one early request', async () => {
    cloud.answer = [200, {}, JSON.stringify({ images: [image('i2', 'fedora'), image('i1', 'cirros \u001b[2J')] })];
    for (const replaySpec of [
      spec(),
      spec({ imageApiVersion: 2 }),
      spec({ verbose: true }),
      spec({ print: { format: 'json', columns: [], noindent: true } }),
    ]) {
      const printed = await programRun(replaySpec);
      cloud.seen.length = 0;
      expect(await replayRun()).toBe(printed);
      expect(cloud.seen).toHaveLength(1);
    }
  });

  it('leaves the program to run, having printed nothing, when the answer is not the whole output', async () => {
    await programRun();
    // A second page now: the listing would need another request.
    cloud.answer = [200, {}, JSON.stringify({ images: [image('i1', 'cirros')], next: '/v2/images?marker=i1' })];
    expect(await replayRun()).toBeUndefined();
    // Not 200 (a revoked token: the program re-authenticates), or not an answer of that shape.
    cloud.answer = [401, {}, JSON.stringify({ images: [image('i1', 'cirros')] })];
    expect(await replayRun()).toBeUndefined();
    cloud.answer = [200, {}, JSON.stringify({ images: [{ id: 7 }] })];
    expect(await replayRun()).toBeUndefined();
    cloud.answer = [200, {}, '<html>'];
    expect(await replayRun()).toBeUndefined();
  });

  it('the program takes the answer as the replay met it: it neither asks again nor waits again', async () => {
    const programAfter = async (): Promise<unknown> => {
      const deps = makeTestDeps({ env: envFor() as Record<string, string>, globals: { credentialFlags: { timeoutSeconds: '1' } } });
      try {
        await imageList.run(options, deps);
        return deps.out();
      } catch (err) {
        return err;
      } finally {
        await (await deps.session()).close();
      }
    };
    // A second page now: the first one read by the replay goes to the program, which asks for the second alone.
    await programRun(spec(), 1);
    cloud.answer = [200, {}, JSON.stringify({ images: [image('i1', 'cirros')], next: '/v2/images?marker=i1' })];
    cloud.seen.length = 0;
    expect(await replayRun()).toBeUndefined();
    cloud.answer = [200, {}, JSON.stringify({ images: [image('i2', 'fedora')] })];
    expect(await programAfter()).toMatch(/cirros[\s\S]*fedora/);
    expect(cloud.seen.map((s) => s.url.replace(/.*\?/, ''))).toEqual([
      'sort_key=name&sort_dir=asc&limit=1000',
      'sort_key=name&sort_dir=asc&limit=1000&marker=i1',
    ]);
    // A body that stalls, and no answer at all: --timeout (1 s) is waited for once, by the replay; the program meets the same failure.
    const stall = (res: ServerResponse) => res.writeHead(200, { 'Content-Type': 'application/json' }).write('{"images": [');
    for (const [answer, failure] of [
      [stall, /did not arrive in full within --timeout 1 s|stalled for --timeout 1 s/],
      [() => undefined, /timed out|timeout/i],
    ] as const) {
      cloud.answer = [200, {}, JSON.stringify({ images: [image('i1', 'cirros')] })];
      await programRun(spec(), 1);
      cloud.answer = answer;
      cloud.seen.length = 0;
      const start = Date.now();
      expect(await replayRun()).toBeUndefined();
      expect(String(await programAfter())).toMatch(failure);
      expect(Date.now() - start).toBeLessThan(1800);
      expect(cloud.seen).toHaveLength(1);
    }
  });

  it('replays only a command that says it can, from a record that says so', async () => {
    await programRun();
    const name = records()[0]!;
    const record = JSON.parse(readFileSync(join(tokenDir(), name), 'utf8'));
    expect(record.replay).toEqual(spec());
    for (const altered of [{ command: 'image-delete' }, { command: 'constructor' }, { imageApiVersion: 3 }, { options: 'x' }, { print: { format: 'html' } }]) {
      writeFileSync(join(tokenDir(), name), JSON.stringify({ ...record, replay: { ...record.replay, ...altered } }));
      expect(await replayRun()).toBeUndefined();
    }
    writeFileSync(join(tokenDir(), name), JSON.stringify(record));
    expect(await replayRun()).toContain('cirros');
  });

  it('a run that asked more than its first request leaves nothing to replay', async () => {
    await sendRememberedRequest('glance', ['image-list'], envFor());
    const session = await createSession({ flags: {}, env: envFor(), warn: () => undefined });
    await (await session.request('image', { method: 'GET', path: '/v2/images', query: { limit: 1000 } })).body.text();
    await (await session.request('image', { method: 'GET', path: '/v2/images', query: { marker: 'i1' } })).body.text();
    await session.close();
    saveRemembered(spec());
    expect(readFileSync(join(tokenDir(), records()[0]!), 'utf8')).not.toContain('"replay"');
    expect(await replayRun()).toBeUndefined();
  });
});

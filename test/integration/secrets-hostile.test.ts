// Secrets a hostile or careless server would make us print: a Keystone 400 that echoes the request
// body (password, application credential secret), a Glance error quoting the token it was sent,
// an auth URL carrying userinfo (http://admin:pw@host/) and a Set-Cookie answer under --debug.
// The built CLI runs against fakes on 127.0.0.1; neither stdout nor stderr may hold the secret.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const SECRET = `Sx-${randomBytes(10).toString('hex')}`;
const TOKEN = `gAAAA-${randomBytes(16).toString('hex')}`;

let server: Server;
let base: string;

/** What the fake Keystone does with POST /v3/auth/tokens. */
let onAuth: (body: string, res: ServerResponse) => void;

function json(res: ServerResponse, status: number, doc: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(doc);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A token answer whose catalog sends Glance to this same server. */
function issueToken(res: ServerResponse): void {
  const endpoint = { id: 'e1', interface: 'public', region: 'RegionOne', region_id: 'RegionOne', url: base };
  json(
    res,
    201,
    {
      token: {
        expires_at: '2099-01-01T00:00:00.000000Z',
        user: { id: 'u1', name: 'admin' },
        project: { id: 'p1', name: 'admin' },
        catalog: [{ type: 'image', name: 'glance', id: 's1', endpoints: [endpoint] }],
      },
    },
    { 'X-Subject-Token': TOKEN },
  );
}

function handle(req: IncomingMessage, res: ServerResponse, body: string): void {
  if (req.method === 'POST' && req.url === '/v3/auth/tokens') return onAuth(body, res);
  // Glance quoting the token it was given, as a careless proxy or debug build might.
  if (req.url?.startsWith('/v2/images')) return json(res, 400, { message: `token ${req.headers['x-auth-token']} rejected`, code: 400 });
  json(res, 404, { error: { code: 404, message: 'not here' } });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      if (body.length < 1_000_000) body += d.toString();
    });
    req.on('end', () => handle(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Keystone's validation error quotes the offending part of the body as a Python repr. */
function echoAsKeystone(body: string, res: ServerResponse): void {
  const repr = body.replace(/"/g, "'");
  json(res, 400, { error: { code: 400, title: 'Bad Request', message: `Invalid input for field 'identity': ${repr} and raw ${body}` } });
}

const env = (extra: Record<string, string> = {}): Record<string, string> => ({
  OS_AUTH_URL: `${base}/v3`,
  OS_USERNAME: 'admin',
  OS_PROJECT_NAME: 'admin',
  OS_PASSWORD: SECRET,
  ...extra,
});

function expectNoSecret(result: { stdout: string; stderr: string }, ...secrets: string[]): void {
  for (const secret of secrets) {
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
  }
}

describe('server text is scrubbed of the secrets we know', () => {
  for (const debug of [false, true]) {
    it(`a Keystone 400 echoing the password${debug ? ' (--debug)' : ''}: both dialects`, async () => {
      onAuth = echoAsKeystone;
      const flags = debug ? ['--debug', '--no-cache'] : ['--no-cache'];
      for (const [command, verb] of [
        ['glance', 'image-list'],
        ['keystone', 'tenant-list'],
      ] as const) {
        const result = await runCli(command, [...flags, verb], { env: env() });
        expect(result.code).toBe(1);
        expect(result.stderr).toContain('HTTP 400');
        expect(result.stderr).toMatch(/'password': ?'\*\*\*'/);
        expectNoSecret(result, SECRET);
      }
    });
  }

  it('a Keystone 400 echoing an application credential secret', async () => {
    onAuth = echoAsKeystone;
    const result = await runCli('glance', ['--no-cache', 'image-list'], {
      env: {
        OS_AUTH_URL: `${base}/v3`,
        OS_AUTH_TYPE: 'v3applicationcredential',
        OS_APPLICATION_CREDENTIAL_ID: 'ac1',
        OS_APPLICATION_CREDENTIAL_SECRET: SECRET,
      },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('HTTP 400');
    expectNoSecret(result, SECRET);
  });

  it('a Glance 400 quoting the token it was sent', async () => {
    onAuth = (_body, res) => issueToken(res);
    const result = await runCli('glance', ['--no-cache', 'image-list'], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('token *** rejected');
    expectNoSecret(result, TOKEN, SECRET);
  });
});

describe('URL userinfo and cookies', () => {
  it('an auth URL with userinfo: not in the error nor in the --debug trace', async () => {
    onAuth = (_body, res) => json(res, 500, { error: { code: 500, message: 'boom' } });
    const withUserinfo = base.replace('http://', `http://admin:${SECRET}@`);
    for (const flags of [[], ['--debug']]) {
      const result = await runCli('glance', [...flags, '--no-cache', 'image-list'], { env: env({ OS_AUTH_URL: `${withUserinfo}/v3`, OS_PASSWORD: 'other' }) });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('HTTP 500');
      expectNoSecret(result, SECRET);
    }
  });

  it('an auth URL with userinfo on a dead port: the connection error names the URL without it', async () => {
    const dead = createServer();
    await new Promise<void>((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const port = (dead.address() as AddressInfo).port;
    await new Promise((resolve) => dead.close(resolve));
    const result = await runCli('keystone', ['--debug', '--no-cache', 'tenant-list'], {
      env: env({ OS_AUTH_URL: `http://admin:${SECRET}@127.0.0.1:${port}/v3`, OS_PASSWORD: 'other' }),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`http://127.0.0.1:${port}/v3`);
    expectNoSecret(result, SECRET);
  });

  it('Set-Cookie is redacted in --debug', async () => {
    onAuth = (_body, res) => json(res, 500, { error: { code: 500, message: 'boom' } }, { 'Set-Cookie': `session=${SECRET}; HttpOnly` });
    const result = await runCli('glance', ['--debug', '--no-cache', 'image-list'], { env: env({ OS_PASSWORD: 'other' }) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/set-cookie: \{SHA256\}[0-9a-f]{64}/);
    expectNoSecret(result, SECRET);
  });
});

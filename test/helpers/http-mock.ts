// A fake OpenStack for unit tests of a command's run(), after gh's httpmock.Registry: register the
// requests a command should make, each with its canned answer; verify() then fails the test when a
// registered request was not made or a request nobody registered was.
//
// It is a real HTTP server on 127.0.0.1 (port 0), not a transport double: the command runs through
// the real session, HTTP client and decoding, so the test depends only on the wire, not on how
// src/session and src/http are wired inside. Keystone's token request (POST /v3/auth/tokens) is
// answered without registering it, with a catalog that puts identity at <server>/v3 and image at
// <server>, so registered paths are what the APIs ask for: '/v3/projects', '/v2/images/ID'.
//   const api = await HttpMock.start();
//   api.register('GET', '/v2/images/abc', { json: { id: 'abc', … } });
//   await imageShow.run(options, makeTestDeps({ env: api.env() }));
//   api.verify();
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';

export interface Answer {
  status?: number;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as it is (image data), when there is no json. */
  body?: Buffer | string;
  headers?: Record<string, string>;
}

export interface Expect {
  /** When given, the request's whole query must be exactly this (repeated parameters as arrays). */
  query?: Record<string, string | string[]>;
  /** When given, the request's body, parsed as JSON, must deep-equal this. */
  json?: unknown;
}

export interface SeenRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: string;
}

interface Stub {
  method: string;
  path: string;
  expect: Expect;
  answer: Answer;
  used: boolean;
}

export class HttpMock {
  /** Every request the server got, in order (the token request too). */
  readonly requests: SeenRequest[] = [];
  private readonly stubs: Stub[] = [];
  private readonly unexpected: SeenRequest[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<HttpMock> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const mock = new HttpMock(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req, res) => void mock.serve(req, res));
    return mock;
  }

  /** Expects one request (register twice for two); the first unused stub that matches answers it. */
  register(method: string, path: string, answer: Answer, expect: Expect = {}): void {
    this.stubs.push({ method, path, expect, answer, used: false });
  }

  /** Password credentials for this server, without token cache (each session asks for a token). */
  env(): Record<string, string> {
    return { OS_AUTH_URL: `${this.url}/v3`, OS_USERNAME: 'admin', OS_PASSWORD: 'secret', OS_PROJECT_NAME: 'admin', OS_CACHE: '0' };
  }

  /** Throws, naming them, when a registered request was not made or an unregistered one was. */
  verify(): void {
    const missing = this.stubs.filter((s) => !s.used).map((s) => `${s.method} ${s.path}${s.expect.query ? ' ' + JSON.stringify(s.expect.query) : ''}`);
    const extra = this.unexpected.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.query)} ${r.body}`);
    const problems = [...missing.map((m) => `expected but not made: ${m}`), ...extra.map((e) => `made but not registered: ${e}`)];
    if (problems.length > 0) throw new Error(`http-mock:\n  ${problems.join('\n  ')}`);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const seen: SeenRequest = { method: req.method ?? '', path: url.pathname, query: queryOf(url.searchParams), body: Buffer.concat(chunks).toString() };
    this.requests.push(seen);
    if (seen.method === 'POST' && seen.path === '/v3/auth/tokens')
      return send(res, { status: 201, json: this.token(), headers: { 'X-Subject-Token': 'mock-token' } });
    const stub = this.stubs.find((s) => !s.used && matches(s, seen));
    if (!stub) {
      this.unexpected.push(seen);
      // Loud for the command too: a status no real service sends, and a body that says why.
      return send(res, { status: 599, json: { error: { message: `http-mock: no stub for ${seen.method} ${req.url}` } } });
    }
    stub.used = true;
    send(res, stub.answer);
  }

  private token(): unknown {
    const endpoint = (url: string) => [{ id: `e-${url}`, interface: 'public', region_id: 'RegionOne', url }];
    return {
      token: {
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        user: { id: 'u-admin', name: 'admin' },
        project: { id: 'p-admin', name: 'admin' },
        catalog: [
          { id: 's-identity', type: 'identity', endpoints: endpoint(`${this.url}/v3`) },
          { id: 's-image', type: 'image', endpoints: endpoint(this.url) },
        ],
      },
    };
  }
}

function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    query[name] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

function matches(stub: Stub, seen: SeenRequest): boolean {
  if (stub.method !== seen.method || stub.path !== seen.path) return false;
  if (stub.expect.query !== undefined && !isDeepStrictEqual(stub.expect.query, seen.query)) return false;
  if (stub.expect.json !== undefined && !isDeepStrictEqual(stub.expect.json, parseJson(seen.body))) return false;
  return true;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, answer: Answer): void {
  if (answer.json === undefined && answer.body !== undefined) {
    res.writeHead(answer.status ?? 200, { 'Content-Type': 'application/octet-stream', ...answer.headers });
    return void res.end(answer.body);
  }
  const body = answer.json === undefined ? '' : JSON.stringify(answer.json);
  res.writeHead(answer.status ?? 200, { ...(body ? { 'Content-Type': 'application/json' } : {}), ...answer.headers });
  res.end(body);
}

// A scriptable HTTP proxy on 127.0.0.1 between the CLI and the REAL local cloud. Requests pass
// through unchanged unless a rule matches (method + path), in which case the proxy produces the
// fault a real server or network would: a reset, a stall, an error status, a broken body.
// Every request is recorded, so tests can count what the CLI really sent (retries, re-auth, DELETE).
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloud } from './cloud.js';

export type FaultAction =
  /** TCP reset as soon as the request headers arrive; nothing reaches the cloud. */
  | { kind: 'reset' }
  /** Read this many bytes of the request body, then reset; nothing reaches the cloud. */
  | { kind: 'reset-request-body'; afterBytes: number }
  /** Forward the request, let the cloud answer, then reset instead of passing the answer on. */
  | { kind: 'reset-after-upstream' }
  /** Forward; pass on the status, headers and this many body bytes, then reset. */
  | { kind: 'reset-response-body'; afterBytes: number }
  /** Never answer (afterBytes undefined), or forward and go silent after this many body bytes. */
  | { kind: 'stall'; afterBytes?: number }
  /** Keep reading the request body but never answer: an upload that hangs (for Ctrl-C tests). */
  | { kind: 'stall-upload'; bytesPerSecond?: number }
  /** Answer with this status and body (JSON by default); the request body is read first. */
  | { kind: 'status'; status: number; body?: string; contentType?: string; headers?: Record<string, string> }
  /** Forward; pass on the full Content-Length but only this many bytes (default half), then close. */
  | { kind: 'truncate'; keepBytes?: number }
  /** Forward; flip the bits of one byte in the middle of the body, keeping its length. */
  | { kind: 'corrupt' }
  /** Forward the request with the bits of its body's byte at `atByte` flipped (a proxy that alters uploads). */
  | { kind: 'corrupt-request'; atByte: number }
  /** Forward; pass on the JSON body as `edit` changes it (a cloud configured otherwise than ours). */
  | { kind: 'edit-json'; edit: (body: Record<string, unknown>) => Record<string, unknown> }
  /** Answer 200 with a body that is not JSON although it says it is. */
  | { kind: 'invalid-json'; status?: number }
  /** Answer this status with a webob-style HTML error page, as Glance and proxies do. */
  | { kind: 'html'; status: number; message: string };

export interface FaultRule {
  method?: string;
  /** A string matches the path (without query) exactly; a RegExp is tested against it. */
  path: string | RegExp;
  /** How many matching requests get the fault (default: all of them). */
  times?: number;
  /** Let this many matching requests through before the fault starts. */
  after?: number;
  action: FaultAction;
}

export interface SeenRequest {
  method: string;
  path: string;
  /** The fault applied, or undefined when passed through. */
  fault?: FaultAction['kind'];
  /** Bytes of request body the proxy read. */
  bodyBytes: number;
  /** The client's port: requests with the same one came on the same connection. */
  clientPort?: number;
  status?: number;
  /** The token Keystone issued in this answer (X-Subject-Token), for secret-leak checks. */
  issuedToken?: string;
}

interface ActiveRule extends FaultRule {
  seen: number;
  applied: number;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The error body Keystone sends for a refused token. */
export const KEYSTONE_401 = JSON.stringify({ error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' } });

/** A webob error page, the shape Glance (and many front proxies) send for errors. */
export function htmlErrorPage(status: number, message: string): string {
  const title = `${status} ${STATUS_TEXT[status] ?? 'Error'}`;
  return `<html>\n <head>\n  <title>${title}</title>\n </head>\n <body>\n  <h1>${title}</h1>\n  ${message}<br /><br />\n\n\n\n </body>\n</html>`;
}

export class FaultProxy {
  readonly requests: SeenRequest[] = [];
  private rules: ActiveRule[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly target: URL;
  private listening = true;

  private constructor(
    private readonly server: Server,
    target: string,
    readonly port: number,
  ) {
    this.target = new URL(target);
  }

  /** Starts a proxy in front of `target` (e.g. http://127.0.0.1:5000) on a free port. */
  static async start(target: string): Promise<FaultProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new FaultProxy(server, target, (server.address() as AddressInfo).port);
    server.on('connection', (socket) => {
      proxy.sockets.add(socket);
      socket.on('error', () => undefined); // resets we cause (or the client causes) are the point
      socket.on('close', () => proxy.sockets.delete(socket));
    });
    server.on('request', (req, res) => void proxy.handle(req, res));
    return proxy;
  }

  /** http://127.0.0.1:PORT (append /v3 for Keystone). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  add(rule: FaultRule): this {
    this.rules.push({ ...rule, seen: 0, applied: 0 });
    return this;
  }

  /** Drops every rule and the request log. */
  reset(): this {
    this.rules = [];
    this.requests.length = 0;
    return this;
  }

  /** Requests seen with this method whose path matches. */
  count(method: string, path: string | RegExp): number {
    return this.requests.filter((r) => r.method === method && matches(path, r.path)).length;
  }

  /** Every token Keystone issued through this proxy. */
  issuedTokens(): string[] {
    return this.requests.flatMap((r) => (r.issuedToken ? [r.issuedToken] : []));
  }

  /** Stops accepting connections on the port (clients get ECONNREFUSED) until resume(). */
  async refuse(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  async resume(): Promise<void> {
    if (this.listening) return;
    await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
    this.listening = true;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    if (this.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.listening = false;
  }

  private pick(method: string, path: string): FaultAction | undefined {
    for (const rule of this.rules) {
      if (rule.method && rule.method !== method) continue;
      if (!matches(rule.path, path)) continue;
      rule.seen += 1;
      if (rule.seen <= (rule.after ?? 0)) continue;
      if (rule.applied >= (rule.times ?? Infinity)) continue;
      rule.applied += 1;
      return rule.action;
    }
    return undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const action = this.pick(req.method ?? 'GET', path);
    const seen: SeenRequest = { method: req.method ?? 'GET', path, fault: action?.kind, bodyBytes: 0, clientPort: req.socket.remotePort };
    this.requests.push(seen);
    req.on('data', (chunk: Buffer) => (seen.bodyBytes += chunk.length));
    const socket = req.socket;
    res.on('error', () => undefined);
    req.on('error', () => undefined);
    const answer = (status: number, body: string, contentType: string, headers: Record<string, string> = {}): void => {
      seen.status = status;
      req.resume();
      const send = (): void => {
        res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), Connection: 'close', ...headers });
        res.end(body);
      };
      if (req.complete) send();
      else req.once('end', send);
    };
    switch (action?.kind) {
      case undefined:
      case 'corrupt-request':
        return this.forward(
          req,
          res,
          seen,
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
          action?.kind === 'corrupt-request' ? action.atByte : undefined,
        );
      case 'reset':
        return void socket.resetAndDestroy();
      case 'reset-request-body':
        if (action.afterBytes <= 0) return void socket.resetAndDestroy();
        req.on('data', () => {
          if (seen.bodyBytes >= action.afterBytes) socket.resetAndDestroy();
        });
        req.on('end', () => socket.resetAndDestroy());
        return;
      case 'reset-after-upstream':
        return this.forward(req, res, seen, (up) => {
          up.resume();
          up.on('end', () => socket.resetAndDestroy());
        });
      case 'reset-response-body':
      case 'stall':
        if (action.kind === 'stall' && action.afterBytes === undefined) {
          req.resume();
          return; // hold the socket open, answer nothing
        }
        return this.forward(req, res, seen, (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          let sent = 0;
          const limit = action.afterBytes ?? 0;
          up.on('data', (chunk: Buffer) => {
            if (sent >= limit) return;
            const part = chunk.subarray(0, limit - sent);
            sent += part.length;
            res.write(part);
            if (sent >= limit) {
              up.destroy();
              if (action.kind === 'reset-response-body') setTimeout(() => socket.resetAndDestroy(), 50);
            }
          });
        });
      case 'stall-upload': {
        // Throttle reading so the client is still sending when it is interrupted.
        const rate = action.bytesPerSecond ?? 64 * 1024;
        req.on('data', () => {
          req.pause();
          setTimeout(() => req.resume(), 1000 * Math.min(1, 65536 / rate));
        });
        return;
      }
      case 'status':
        return answer(
          action.status,
          action.body ??
            JSON.stringify({ error: { code: action.status, message: `Injected HTTP ${action.status}`, title: STATUS_TEXT[action.status] ?? 'Error' } }),
          action.contentType ?? 'application/json',
          action.headers,
        );
      case 'invalid-json':
        return answer(action.status ?? 200, '{"images": [{"id": "broken', 'application/json');
      case 'html':
        return answer(action.status, htmlErrorPage(action.status, action.message), 'text/html; charset=UTF-8');
      case 'truncate':
      case 'corrupt':
      case 'edit-json':
        return this.forward(req, res, seen, async (up) => {
          const chunks: Buffer[] = [];
          for await (const chunk of up) chunks.push(chunk as Buffer);
          let body = Buffer.concat(chunks);
          if (action.kind === 'edit-json') body = Buffer.from(JSON.stringify(action.edit(JSON.parse(body.toString('utf8')) as Record<string, unknown>)));
          const headers = { ...up.headers, 'content-length': String(body.length) };
          delete headers['transfer-encoding'];
          res.writeHead(up.statusCode ?? 502, headers);
          if (action.kind === 'corrupt' || action.kind === 'edit-json') {
            if (action.kind === 'corrupt' && body.length > 0) body[body.length >> 1]! ^= 0xff;
            res.end(body);
          } else {
            res.write(body.subarray(0, action.keepBytes ?? body.length >> 1));
            setTimeout(() => socket.destroy(), 50);
          }
        });
    }
  }

  /** Sends the request on to the cloud (the body's byte at `flipAt` altered, if given) and hands the cloud's answer to `reply`. */
  private forward(req: IncomingMessage, res: ServerResponse, seen: SeenRequest, reply: (up: IncomingMessage) => void | Promise<void>, flipAt?: number): void {
    const headers = { ...req.headers, host: this.target.host };
    const upstream = httpRequest({ host: this.target.hostname, port: this.target.port, method: req.method, path: req.url, headers }, (up) => {
      seen.status = up.statusCode;
      const issued = up.headers['x-subject-token'];
      if (typeof issued === 'string') seen.issuedToken = issued;
      void Promise.resolve(reply(up)).catch(() => req.socket.destroy());
    });
    upstream.on('error', () => {
      if (!res.headersSent) {
        res.writeHead(502, { 'Content-Type': 'text/plain', Connection: 'close' });
        res.end('fault proxy: the cloud did not answer');
      } else req.socket.destroy();
    });
    req.on('aborted', () => upstream.destroy());
    if (flipAt === undefined) {
      req.pipe(upstream);
      return;
    }
    let offset = 0;
    req.on('data', (chunk: Buffer) => {
      if (flipAt >= offset && flipAt < offset + chunk.length) {
        chunk = Buffer.from(chunk);
        chunk[flipAt - offset]! ^= 0xff;
      }
      offset += chunk.length;
      if (!upstream.write(chunk)) {
        req.pause();
        upstream.once('drain', () => req.resume());
      }
    });
    req.on('end', () => upstream.end());
  }
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

/** A port on 127.0.0.1 with nothing listening (connections are refused). */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TCP listener that accepts connections and never says anything (connect works, then silence). */
export async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An HTTPS server on 127.0.0.1 with a fresh self-signed certificate (openssl), answering 200 to anything. */
export async function selfSignedTlsServer(): Promise<{ port: number; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'osc-tls-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
    { stdio: 'ignore' },
  );
  const server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{}');
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Proxies in front of the local cloud's Keystone and Glance, and the environment that routes the CLI through them. */
export interface CloudProxies {
  keystone: FaultProxy;
  glance: FaultProxy;
  /** adminEnv() with OS_AUTH_URL and OS_IMAGE_URL pointing at the proxies. */
  env(extra?: Record<string, string>): Record<string, string>;
  reset(): void;
  close(): Promise<void>;
}

export async function startCloudProxies(
  baseEnv: Record<string, string>,
  // The cloud the tests run on (LOCAL_CLOUD_DIR), not a fixed port: the suite runs on any local cloud.
  keystoneTarget = new URL(cloud().keystone_url).origin,
  glanceTarget = new URL(cloud().glance_url).origin,
): Promise<CloudProxies> {
  const keystone = await FaultProxy.start(keystoneTarget);
  const glance = await FaultProxy.start(glanceTarget);
  return {
    keystone,
    glance,
    env: (extra = {}) => ({ ...baseEnv, OS_AUTH_URL: `${keystone.url}/v3`, OS_IMAGE_URL: glance.url, ...extra }),
    reset: () => {
      keystone.reset();
      glance.reset();
    },
    close: async () => {
      await keystone.close();
      await glance.close();
    },
  };
}

/** The CLI's stderr as one error line: fails unless stderr is exactly one line with no stack frame in it. */
export function oneLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== 1) throw new Error(`expected one error line, got ${lines.length}:\n${stderr}`);
  if (/^\s+at\s|Error:\s.*\n\s+at\s/m.test(stderr)) throw new Error(`stack trace in stderr:\n${stderr}`);
  return lines[0]!;
}

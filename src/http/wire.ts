// One HTTP/1.1 exchange on Node's own http and https modules (their parser is built into Node:
// nothing to load or compile at start-up): keep-alive connections, --timeout as a connect, an
// answer and an idle-body deadline, the TLS options, and through a proxy either an absolute-URI
// request (http origins) or a CONNECT tunnel (https origins). Only src/http/transport.ts uses it.
import http, { type ClientRequest, type IncomingMessage } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { hostOf, portOf } from './address.js';
import { sentHeaders, takeEarly } from './early.js';

export type RequestBody = string | Buffer | Readable | AsyncIterable<Uint8Array>;

export interface TlsOptions {
  rejectUnauthorized: boolean;
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

/** Where a proxied request goes (src/http/proxy.ts). */
export interface ProxyRoute {
  proxy: URL;
  /** The proxy URL with any user:password replaced by `***`. */
  label: string;
  /** The variable it came from: `https_proxy`. */
  variable: string;
}

export interface WireRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: RequestBody;
  route?: ProxyRoute;
  /** Called once the request (headers and body) has been handed to the socket. */
  onWritten?: () => void;
  /** Sent on this lane's own connection (direct requests; through a proxy it is the proxy's choice). */
  lane?: ConnectionLane;
  /**
   * Already written, as `head`, on this socket of its own (./early.ts): only its answer is read here;
   * its timeouts count the time it was waited for already (idle idleMs, headers all there at headersAt).
   */
  written?: { socket: Socket; head: string; idleMs?: number; headersAt?: number };
}

/**
 * One keep-alive connection of its own, for a sequence of requests: the requests on a lane go one
 * after the other over the same connection. A pre-fork server (Glance's workers, uWSGI's) gives a
 * connection to one worker for its whole life, so a lane stays with the worker that served it:
 * image-seed's parallel uploads each keep theirs, and the lane whose worker is least loaded
 * finishes first and takes the next image, instead of a new connection landing on a busy worker.
 * Only its identity counts: the wire keeps the lane's connection (Wire.laneAgent).
 */
export class ConnectionLane {}

export type ResponseBody = Readable & { text(): Promise<string>; json(): Promise<unknown>; dump(): Promise<void> };

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: ResponseBody;
  /** When its headers had all arrived, if before it was read here (an answer written early, read by hand first): its whole-body deadline counts from then. */
  headersAt?: number;
}

/** A failure of ours with a code, as system errors have (CONNECT_TIMEOUT, HEADERS_TIMEOUT, BODY_TIMEOUT, PROXY_REFUSED). */
export class WireError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * How a server ends a kept-alive connection it has timed out: a request sent on it as it closes
 * fails with one of these as its first bytes arrive, a round trip after it went out. The server
 * read nothing of it (a closed connection is not read), so sending it again on a new connection is
 * sound (STALE_CONNECTION). A reset later than STALE_WITHIN_MS came from a server, or a proxy,
 * that was reading it: an ordinary reset (the request may have been acted on).
 */
const STALE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const STALE_WITHIN_MS = 1000;

/** Python's http.client allows 64 KiB header lines; Node's default is 16 KiB. */
const MAX_HEADER_BYTES = 64 * 1024;
/** A body dump() reads to keep the connection; a larger one is cut instead. */
const DUMP_LIMIT = 1024 * 1024;

export class Wire {
  private readonly httpAgent = new http.Agent({ keepAlive: true });
  private httpsAgent?: HttpsAgent;
  /** Each lane's agents, one per protocol; and all of them, for close(). */
  private readonly lanes = new WeakMap<ConnectionLane, { http?: http.Agent; https?: http.Agent }>();
  private readonly laneAgents: http.Agent[] = [];

  constructor(
    private readonly timeoutMs: number,
    private readonly connectTimeoutMs: number,
    private readonly tls: TlsOptions,
  ) {}

  async send(req: WireRequest): Promise<WireResponse> {
    const { url, route } = req;
    if (req.written) return this.exchange(http, writtenRequest(url, req.headers, req.written), undefined, req.onWritten, req.written);
    // The request sent as the process started (./early.ts), if it is this one: it was sent direct with the default TLS options.
    const early = !route && this.defaultTls() ? takeEarly(req) : undefined;
    if (early) return early;
    const target = { host: hostOf(url), port: portOf(url) };
    const options: http.RequestOptions & { servername?: string } = {
      method: req.method,
      headers: req.headers,
      maxHeaderSize: MAX_HEADER_BYTES,
      ...target,
      path: url.pathname + url.search,
    };
    if (url.protocol !== 'https:') {
      // The absolute URL to the proxy, and the origin (not the proxy) as Host, as requests sends them.
      if (route)
        Object.assign(options, { ...this.proxyTarget(route), path: url.href, headers: { Host: url.host, ...req.headers, ...proxyAuthorization(route) } });
      if (!route) options.agent = this.laneAgent(req.lane) ?? this.httpAgent;
      else options.agent = route.proxy.protocol === 'https:' ? await this.proxyAgent() : this.httpAgent;
      return this.exchange(route?.proxy.protocol === 'https:' ? await import('node:https') : http, options, req.body, req.onWritten);
    }
    const https = await import('node:https');
    if (route) {
      // A tunnel per request: the TLS session inside it is the origin's, with the origin's options.
      const socket = await this.tunnel(route, `${target.host}:${target.port}`);
      Object.assign(options, this.tls, { socket, agent: undefined, servername: isIpAddress(target.host) ? undefined : target.host });
      options.createConnection = (opts) => https.globalAgent.createConnection(opts);
    } else {
      options.agent = this.laneAgent(req.lane, https) ?? (this.httpsAgent ??= new https.Agent({ keepAlive: true, ...this.tls }));
    }
    return this.exchange(https, options, req.body, req.onWritten);
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent?.destroy();
    for (const agent of this.laneAgents) agent.destroy();
  }

  /** The lane's agent on this wire, one socket kept alive between requests: with `https` (the module) for https origins, without for http. */
  private laneAgent(lane: ConnectionLane | undefined, https?: typeof import('node:https')): http.Agent | undefined {
    if (!lane) return undefined;
    const protocol = https ? 'https' : 'http';
    let agents = this.lanes.get(lane);
    if (!agents) this.lanes.set(lane, (agents = {}));
    let agent = agents[protocol];
    if (!agent) {
      const options = { keepAlive: true, maxSockets: 1 };
      agent = agents[protocol] = https ? new https.Agent({ ...options, ...this.tls }) : new http.Agent(options);
      this.laneAgents.push(agent);
    }
    return agent;
  }

  private defaultTls(): boolean {
    const { rejectUnauthorized, ca, cert, key } = this.tls;
    return rejectUnauthorized && !ca && !cert && !key;
  }

  private exchange(
    lib: Pick<typeof http, 'request'>,
    options: http.RequestOptions,
    body: RequestBody | undefined,
    onWritten?: () => void,
    waited: { socket?: Socket; idleMs?: number; headersAt?: number } = {},
  ): Promise<WireResponse> {
    const { idleMs = 0, headersAt } = waited;
    return new Promise((resolve, reject) => {
      const req = lib.request(options);
      let connectedAt: number | undefined; // when it got its connection (a lane's next request waits for it)
      if (onWritten) req.once('finish', onWritten);
      let answered = false;
      let response: IncomingMessage | undefined;
      let timer: NodeJS.Timeout | undefined;
      const fail = (err: Error): void => {
        clearTimeout(timer);
        if (answered) return;
        answered = true;
        // A connection kept alive from an earlier request, closed by the server as this one went out.
        const code = (err as NodeJS.ErrnoException).code;
        const stale =
          req.reusedSocket && connectedAt !== undefined && Date.now() - connectedAt < STALE_WITHIN_MS && code !== undefined && STALE_CODES.has(code);
        reject(stale ? new WireError(`${err.message} (a kept-alive connection)`, 'STALE_CONNECTION') : err);
        req.destroy();
      };
      req.on('error', fail);
      req.on('socket', (socket: Socket) => {
        connectedAt = Date.now();
        if (!socket.connecting) return;
        timer = setTimeout(() => fail(new WireError('connect timeout', 'CONNECT_TIMEOUT')), this.connectTimeoutMs);
        socket.once('encrypted' in socket ? 'secureConnect' : 'connect', () => clearTimeout(timer));
      });
      // Idle this long, before the answer or within its body: a stall (a request written early counts the time it waited already).
      req.setTimeout(Math.max(1, this.timeoutMs - idleMs), () => {
        if (!answered) fail(new WireError('headers timeout', 'HEADERS_TIMEOUT'));
        else response?.destroy(new WireError('body timeout', 'BODY_TIMEOUT'));
      });
      // The first byte from the server since (the bytes read by hand, put back, are not): idle is timed afresh from it.
      const { socket } = waited;
      if (idleMs > 0 && socket) {
        const readBefore = socket.bytesRead;
        const onData = (): void => {
          if (!(socket.bytesRead > readBefore)) return;
          socket.off('data', onData);
          req.setTimeout(this.timeoutMs);
        };
        socket.on('data', onData);
      }
      req.on('response', (res: IncomingMessage) => {
        clearTimeout(timer);
        answered = true;
        // Answered before its body was all sent (a 413, a 409): writeAll stops, the request never
        // ends, and its connection would never be free again (a lane's next request would wait
        // forever). It is destroyed once the answer has been read instead: not closed, as Node
        // would (destroySoon waits for the write in flight, and a server that stopped reading
        // never takes it).
        if (!req.writableEnded) {
          req.shouldKeepAlive = false;
          res.once('end', () => req.destroy());
        }
        response = res;
        resolve({ status: res.statusCode ?? 0, headers: headersOf(res), body: readable(res), ...(headersAt === undefined ? {} : { headersAt }) });
      });
      if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) req.end(body);
      else writeAll(req, body, () => answered).catch(fail);
    });
  }

  /** A CONNECT tunnel through the proxy to host:port. */
  private async tunnel(route: ProxyRoute, authority: string): Promise<Socket> {
    const lib = route.proxy.protocol === 'https:' ? await import('node:https') : http;
    return new Promise((resolve, reject) => {
      const connect = lib.request({
        ...this.proxyTarget(route),
        method: 'CONNECT',
        path: authority,
        headers: { Host: authority, ...proxyAuthorization(route) },
        agent: false,
        // An https:// proxy is verified with the same CA options as the cloud.
        rejectUnauthorized: this.tls.rejectUnauthorized,
        ca: this.tls.ca,
      });
      const timer = setTimeout(() => connect.destroy(new WireError('connect timeout', 'CONNECT_TIMEOUT')), this.connectTimeoutMs);
      connect.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      connect.on('connect', (res: IncomingMessage, socket: Socket) => {
        clearTimeout(timer);
        if (res.statusCode === 200) return resolve(socket);
        socket.destroy();
        reject(new WireError(`Proxy response (${res.statusCode})`, 'PROXY_REFUSED'));
      });
      connect.end();
    });
  }

  private proxyTarget(route: ProxyRoute): { host: string; port: number } {
    return { host: hostOf(route.proxy), port: portOf(route.proxy) };
  }

  private async proxyAgent(): Promise<HttpsAgent> {
    const https = await import('node:https');
    return new https.Agent({ keepAlive: true, rejectUnauthorized: this.tls.rejectUnauthorized, ca: this.tls.ca });
  }
}

/**
 * A streamed body, one chunk at a time: the next is asked for only once the socket has taken
 * this one, so a producer that reuses its buffers (file-chunks.ts) never has one overwritten in
 * flight. Stops when an answer or a failure has ended the request.
 */
async function writeAll(req: ClientRequest, body: AsyncIterable<Uint8Array | string>, answered: () => boolean): Promise<void> {
  for await (const chunk of body) {
    if (req.destroyed || answered()) return;
    await new Promise<void>((resolve, reject) => req.write(chunk, (err) => (err ? reject(err) : resolve())));
  }
  req.end();
}

function headersOf(res: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers[name] = utf8(Array.isArray(value) ? value.join(', ') : value);
  return headers;
}

function readable(res: IncomingMessage): ResponseBody {
  const text = async (): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };
  const dump = (): Promise<void> => {
    if (res.destroyed) return Promise.resolve();
    if (res.complete) {
      res.resume(); // its end, emitted once read, is what hands a keep-alive socket back to the agent
      return Promise.resolve();
    }
    if (Number(res.headers['content-length'] ?? DUMP_LIMIT + 1) > DUMP_LIMIT) {
      res.destroy();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      res
        .on('end', resolve)
        .on('close', resolve)
        .on('error', () => resolve());
      res.resume();
    });
  };
  return Object.assign(res, { text, json: async () => JSON.parse(await text()) as unknown, dump });
}

function proxyAuthorization(route: ProxyRoute): Record<string, string> {
  const { username, password } = route.proxy;
  if (!username && !password) return {};
  const credentials = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  return { 'Proxy-Authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}

/**
 * The options of a GET already written on a socket of its own (./early.ts), for the http client to
 * read its answer: the client's own writing of the request is checked against what went, and not
 * sent again (a difference is a fault of ours, which fails the request: EARLY_MISMATCH).
 */
function writtenRequest(url: URL, headers: Record<string, string>, { socket, head }: { socket: Socket; head: string }): http.RequestOptions {
  const write = socket.write;
  socket.write = ((chunk: string | Uint8Array, encoding?: BufferEncoding | ((err?: Error | null) => void), done?: (err?: Error | null) => void) => {
    socket.write = write;
    const callback = typeof encoding === 'function' ? encoding : done;
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk);
    if (!bytes.equals(Buffer.from(head, 'latin1'))) {
      socket.destroy(new WireError('the request written early is not the one the http client would have written', 'EARLY_MISMATCH'));
      return false;
    }
    if (callback) process.nextTick(callback);
    return true;
  }) as Socket['write'];
  return {
    method: 'GET',
    headers: sentHeaders(url, headers),
    maxHeaderSize: MAX_HEADER_BYTES,
    host: hostOf(url),
    port: portOf(url),
    path: url.pathname + url.search,
    createConnection: () => socket, // and no agent: `agent: false` would make one, and a connection of its own
  };
}

const isIpAddress = (host: string): boolean => /^[\d.]+$/.test(host) || host.includes(':');

/** Node hands header bytes over as Latin-1; servers that send text beyond ASCII send UTF-8 (as undici read it). */
const utf8 = (latin1: string): string => (/[^\x00-\x7f]/.test(latin1) ? Buffer.from(latin1, 'latin1').toString('utf8') : latin1);

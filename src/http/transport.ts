// The one place that speaks HTTP (on the wire: ./wire.ts, Node's own http and https): keep-alive,
// timeouts, TLS options, proxies, one retry for idempotent calls, and a --debug trace that never
// shows a secret.
import { readFileSync } from 'node:fs';
import { CliError, ConnectionError, messageOf } from '../errors.js';
import type { ProxyRouter } from './proxy.js';
import type { ProxyEnv } from './proxy-env.js';
import { redactBody, redactHeader } from './redact.js';
import { USER_AGENT } from './user-agent.js';
import { type ConnectionLane, type ProxyRoute, type RequestBody, type ResponseBody, Wire } from './wire.js';

export type { RequestBody } from './wire.js';

export interface TransportOptions {
  timeoutSeconds: number;
  insecure?: boolean;
  cacert?: string;
  cert?: string;
  key?: string;
  /** From proxyEnv(): the proxy variables, when any is set. */
  proxy?: ProxyEnv;
  /** Receives trace lines (--debug); undefined means no tracing. */
  trace?: (line: string) => void;
}

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: RequestBody;
  /** Safe to send twice. Defaults to true for GET, HEAD, PUT and DELETE without a streamed body. */
  idempotent?: boolean;
  /**
   * The body made anew, for a request that is not idempotent but may go again when the server
   * closed its kept-alive connection as it went out (STALE_CONNECTION, ./wire.ts): an image's data,
   * which Glance takes once (a second upload of an image is refused, never stored twice).
   */
  restartBody?: () => RequestBody;
  /** Sent on this lane's own connection (see ConnectionLane). */
  lane?: ConnectionLane;
  /** A redirect is refused (the default: a token must not follow it) or returned to a caller that sends no credentials. */
  redirects?: 'refuse' | 'return';
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: ResponseBody;
  url: string;
  /** When its headers had all arrived, if before they were read (WireResponse): readBody's deadline counts from then. */
  headersAt?: number;
}

// 500 too: a busy SQLite-backed Keystone answers a transient 500 ("database is locked").
const RETRY_STATUSES = new Set([500, 502, 503, 504]);
const RETRY_CODES = new Set(['ECONNRESET', 'EPIPE', 'STALE_CONNECTION']);
const RETRY_DELAY_MS = 250;
const CLIENT_CERT_HINT_CODES = new Set(['ECONNRESET', 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE']);
// Codes of a connection that was never made: through a proxy, the proxy is the one unreachable.
const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
// keystoneauth follows redirects and resends X-Auth-Token to wherever they point; we do not follow
// them (300 is Keystone's version list, an ordinary answer).
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_CONNECT_MS = 30_000;

export class HttpTransport {
  private readonly wire: Wire;
  private proxies?: Promise<ProxyRouter>;

  constructor(private readonly options: TransportOptions) {
    // Whole milliseconds: --timeout 0.0001 is 1 ms.
    const timeout = Math.max(1, Math.ceil(options.timeoutSeconds * 1000));
    this.wire = new Wire(timeout, Math.min(timeout, MAX_CONNECT_MS), {
      rejectUnauthorized: !options.insecure,
      ca: options.cacert ? readPem(options.cacert, '--os-cacert') : undefined,
      cert: options.cert ? readPem(options.cert, '--os-cert') : undefined,
      key: options.key ? readPem(options.key, '--os-key') : undefined,
    });
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    const route = await this.routeFor(new URL(req.url));
    const streamed = req.body !== undefined && typeof req.body !== 'string' && !Buffer.isBuffer(req.body);
    const idempotent = req.idempotent ?? (!streamed && ['GET', 'HEAD', 'PUT', 'DELETE'].includes(req.method));
    let again = req;
    let stale: unknown;
    try {
      const first = await this.send(req, route);
      if (!idempotent || !RETRY_STATUSES.has(first.status)) return first;
      await first.body.dump();
      this.options.trace?.(`Retrying ${req.method} ${req.url} after HTTP ${first.status}`);
    } catch (err) {
      const code = errorCode(err);
      const restart = !idempotent && code === 'STALE_CONNECTION' ? req.restartBody : undefined;
      if (!(idempotent && RETRY_CODES.has(code)) && !restart) throw this.describe(err, req, route);
      this.options.trace?.(`Retrying ${req.method} ${req.url} after ${code}`);
      if (restart) {
        again = { ...req, body: restart() };
        stale = err;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    let second: HttpResponse;
    try {
      second = await this.send(again, route);
    } catch (err) {
      throw this.describe(err, req, route);
    }
    // The resend refused as a conflict: the first had reached the server after all (it reset the
    // connection once it had read it), and its failure is the one to tell.
    if (stale === undefined || second.status !== 409) return second;
    await second.body.dump();
    const first = this.describe(stale, req, route);
    throw new ConnectionError(`${first.message}; sent again, it was refused (HTTP 409 Conflict): the first had reached the server`);
  }

  async close(): Promise<void> {
    this.wire.close();
  }

  /** Whether requests go straight to their URL with the default TLS options and no trace: what a request sent early (./early.ts) is. */
  sendsDirect(): boolean {
    const { proxy, trace, insecure, cacert, cert, key } = this.options;
    return !proxy && !trace && !insecure && !cacert && !cert && !key;
  }

  /** The proxy for `url`, if any; the proxy code is loaded only when a proxy variable is set. */
  private async routeFor(url: URL): Promise<ProxyRoute | undefined> {
    const env = this.options.proxy;
    if (!env) return undefined;
    this.proxies ??= import('./proxy.js').then((m) => new m.ProxyRouter(env));
    return (await this.proxies).routeFor(url);
  }

  private async send(req: HttpRequest, route: ProxyRoute | undefined): Promise<HttpResponse> {
    const trace = this.options.trace;
    const started = Date.now();
    const requestHeaders = { 'User-Agent': USER_AGENT, ...req.headers };
    if (trace) this.traceRequest(req, requestHeaders, route);
    const res = await this.wire.send({ method: req.method, url: new URL(req.url), headers: requestHeaders, body: req.body, route, lane: req.lane });
    const { status, headers } = res;
    if (trace) {
      trace(`RESP: [${status}] ${req.method} ${req.url} ${Date.now() - started}ms`);
      for (const [name, value] of Object.entries(headers)) trace(`  ${name}: ${redactHeader(name, value)}`);
    }
    if (REDIRECT_STATUSES.has(status) && req.redirects !== 'return') {
      await res.body.dump();
      throw new CliError(redirectMessage(req, status, headers.location));
    }
    return { status, headers, body: res.body, url: req.url, ...(res.headersAt === undefined ? {} : { headersAt: res.headersAt }) };
  }

  private traceRequest(req: HttpRequest, headers: Record<string, string>, route: ProxyRoute | undefined): void {
    const trace = this.options.trace!;
    const headerText = Object.entries(headers)
      .map(([name, value]) => ` -H "${name}: ${redactHeader(name, value)}"`)
      .join('');
    const proxy = route ? ` --proxy ${route.label}` : '';
    trace(`REQ: curl -g -i${proxy} -X ${req.method} ${req.url}${headerText}`);
    if (typeof req.body === 'string') trace(`REQ BODY: ${redactBody(req.body)}`);
    else if (req.body !== undefined) trace('REQ BODY: <streamed data>');
  }

  /** Turns a socket-level failure into one line naming the URL and the cause. */
  private describe(err: unknown, req: HttpRequest, route: ProxyRoute | undefined): Error {
    if (err instanceof CliError) return err;
    const code = errorCode(err);
    const message = messageOf(err);
    if (route) {
      const proxyProblem = describeProxyFailure(code, message, route);
      if (proxyProblem) return new ConnectionError(`${proxyProblem} (for ${req.url})`);
    }
    const timeout = this.describeTimeout(code, req);
    if (timeout) return new ConnectionError(timeout);
    if (code === 'HPE_HEADER_OVERFLOW') {
      return new CliError(`Bad answer from ${req.url}: its response headers exceed 64 KiB, the most this CLI reads`);
    }
    let cause = CAUSES[code] ?? `${code ? code + ': ' : ''}${message}`;
    // A TLS server that wants a client certificate may just hang up, or fail the handshake.
    if (CLIENT_CERT_HINT_CODES.has(code) && req.url.startsWith('https:') && !this.options.cert) {
      cause += ' (if it requires a TLS client certificate, pass --os-cert and --os-key)';
    }
    return new ConnectionError(`Unable to establish connection to ${req.url}: ${cause}`);
  }

  /** --timeout ran out: say so, with the value and in which phase, rather than blame the connection. */
  private describeTimeout(code: string, req: HttpRequest): string | undefined {
    const seconds = this.options.timeoutSeconds;
    let phase: string;
    if (code === 'CONNECT_TIMEOUT') phase = `connecting to ${req.url} within ${Math.min(seconds, MAX_CONNECT_MS / 1000)} s`;
    else if (code === 'HEADERS_TIMEOUT') phase = `waiting ${seconds} s for an answer from ${req.url}`;
    else return undefined;
    return `Timed out ${phase} (--timeout ${seconds}; raise it if the server is slow)`;
  }
}

function describeProxyFailure(code: string, message: string, route: ProxyRoute): string | undefined {
  const proxy = `proxy ${route.label} (from ${route.variable})`;
  if (CONNECT_CODES.has(code)) {
    const cause = (CAUSES[code] ?? code).replace(/ \(.*\)$/, '');
    return `Unable to connect to ${proxy}: ${cause}`;
  }
  const refused = /Proxy response \((\d+)\)/.exec(message) ?? (/Proxy Authentication Required/.test(message) ? ['', '407'] : null);
  if (refused) {
    const hint = refused[1] === '407' ? ': it wants credentials, as http://user:password@host:port in the variable' : '';
    return `The ${proxy} refused the request with HTTP ${refused[1]}${hint}`;
  }
  return undefined;
}

function redirectMessage(req: HttpRequest, status: number, location: string | undefined): string {
  let target = 'nowhere (no Location header)';
  try {
    if (location) {
      const url = new URL(location, req.url);
      url.username = '';
      url.password = '';
      target = url.href;
    }
  } catch {
    target = 'an invalid Location';
  }
  return (
    `${req.method} ${req.url} was redirected (HTTP ${status}) to ${target}: this CLI does not follow redirects, ` +
    'so that credentials never go to another address; use that URL (--os-auth-url, --os-image-url) if you trust it'
  );
}

const UNKNOWN_CA = 'TLS certificate is signed by an unknown authority (use --os-cacert FILE, or --insecure)';

const CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the service running and the URL right?)',
  ENOTFOUND: 'host name not found (check the URL or DNS)',
  EAI_AGAIN: 'host name lookup failed (check DNS)',
  ETIMEDOUT: 'connection timed out',
  CONNECT_TIMEOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset by the server',
  STALE_CONNECTION: 'the server closed the kept-alive connection as the request went out',
  ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED: 'the server requires a TLS client certificate (pass --os-cert and --os-key)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed (use --os-cacert FILE, or --insecure)',
  SELF_SIGNED_CERT_IN_CHAIN: UNKNOWN_CA,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: UNKNOWN_CA,
  UNABLE_TO_GET_ISSUER_CERT: UNKNOWN_CA,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: UNKNOWN_CA,
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host name (use the name it was issued for, or --insecure)',
  CERT_HAS_EXPIRED: 'TLS certificate has expired (renew it, or use --insecure)',
  CERT_NOT_YET_VALID: 'TLS certificate is not valid yet (check the clocks, or use --insecure)',
};

function errorCode(err: unknown): string {
  let current: unknown = err;
  while (current && typeof current === 'object') {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return '';
}

function readPem(path: string, flag: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new CliError(`Cannot read ${flag} file ${path}: check the path and its permissions.`);
  }
}

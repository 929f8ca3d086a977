// Credentials → token → catalog → endpoint; every API call goes through request() here.
import { type Credentials, secretsOf } from '../config/credentials.js';
import { CliError } from '../errors.js';
import { decodeAnswer, unexpectedBody, type Guard } from '../http/decode.js';
import type { RemoteData } from '../http/remote-data.js';
import type { RemoteHead } from '../http/remote-head.js';
import type { HttpResponse, HttpTransport, RequestBody } from '../http/transport.js';
import type { ConnectionLane } from '../http/wire.js';
import { authenticate, discoverV3, type AuthState } from './auth.js';
import { selectEndpoint, serviceBase } from './catalog.js';
import { BrokenBodyError, type ErrorText, errorFromResponse, readJson } from './errors.js';
import type { FirstRequest } from './early-record.js';
import { followLink } from './links.js';
import { queryString, SERVICE_NAMES } from './requests.js';
import { TokenCache } from './token-cache.js';

export type ServiceType = 'identity' | 'image';
export type Query = Record<string, string | number | boolean | undefined | readonly string[]>;

export interface ServiceRequest {
  method: string;
  /**
   * Path below the service's base URL ("/v3/projects" is wrong for identity: base already ends in /v3),
   * or a link from the server (Glance's `next`), joined as session/links.ts says.
   */
  path: string;
  query?: Query;
  json?: unknown;
  body?: RequestBody;
  headers?: Record<string, string>;
  idempotent?: boolean;
  /** The body made anew, to send it again after a 401 or a kept-alive connection closed under it (see HttpRequest). */
  restartBody?: () => RequestBody;
  /** Sent on this lane's own connection (see ConnectionLane in src/http/wire.ts). */
  lane?: ConnectionLane;
  /** Error statuses the caller handles itself instead of getting an HttpError. */
  allow?: readonly number[];
}

export interface SessionOptions {
  /**
   * Glance's errors as python-glanceclient gets and prints them: image requests accept any type, as
   * python-requests sends, so Glance answers errors with webob's HTML page, whose text is kept
   * verbatim. Otherwise errors are asked for as JSON and made readable (errors.ts).
   */
  glanceclientErrors?: boolean;
  /** Hears the session's first request, if it was a GET answered 2xx with a cached-kind token (src/session/early-request.ts). */
  remember?: (first: FirstRequest) => void;
  /** Hears every request after the first. */
  heardLater?: () => void;
}

export class Session {
  private state?: Promise<AuthState>;
  /** The token last refused with a 401, so concurrent requests re-authenticate once, not each. */
  private refused?: string;
  /** True once this session got a token from Keystone rather than from the cache. */
  private authenticatedHere = false;
  /** True once request() has been called. */
  private requested = false;
  private key?: string;

  constructor(
    readonly credentials: Credentials,
    private readonly transport: HttpTransport,
    private readonly cache?: TokenCache,
    private readonly now: () => number = Date.now,
    private readonly options: SessionOptions = {},
  ) {}

  /** Token mode (admin token / OS_SERVICE_TOKEN): no authentication, no catalog. */
  get tokenMode(): boolean {
    return this.credentials.authType === 'admin_token';
  }

  async auth(): Promise<AuthState> {
    if (this.tokenMode)
      throw new CliError(
        'This command needs the service catalog, which token mode (OS_SERVICE_TOKEN / OS_TOKEN + OS_URL) does not have: use password credentials.',
      );
    this.state ??= this.loadOrAuthenticate(this.credentials.forceNewToken);
    return this.state;
  }

  async token(): Promise<string> {
    if (this.tokenMode) return this.credentials.token!;
    return (await this.auth()).token;
  }

  async endpoint(service: ServiceType): Promise<string> {
    const c = this.credentials;
    if (service === 'image' && c.imageUrl) return serviceBase(c.imageUrl);
    if (this.tokenMode) {
      const identity = c.endpoint ?? c.authUrl;
      if (service === 'identity' && identity) return identityV3(identity);
      if (service === 'identity') throw new CliError('Token mode needs the Identity endpoint: pass --os-endpoint (OS_SERVICE_ENDPOINT) or --os-url (OS_URL).');
      throw new CliError(`Token mode has no service catalog to find the ${service} endpoint in: pass --os-image-url (OS_IMAGE_URL).`);
    }
    const state = await this.auth();
    if (service === 'identity') return state.identityUrl;
    try {
      return serviceBase(selectEndpoint(state.catalog, service, c.interface, c.regionName));
    } catch (err) {
      // A cached token carries the catalog of its day: a service registered since is not in it.
      if (this.authenticatedHere) throw err;
      this.state = this.loadOrAuthenticate(true);
      return serviceBase(selectEndpoint((await this.state).catalog, service, c.interface, c.regionName));
    }
  }

  /**
   * Runs a call that changes services or endpoints. Whatever its outcome (a timed-out create may
   * still have been made), the cached token's catalog is stale afterwards: it is dropped, so the
   * next run authenticates afresh. Afterwards, not before: the call itself may save a token.
   */
  async changingCatalog<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } finally {
      this.cache?.drop(this.cacheKey());
    }
  }

  async request(service: ServiceType, req: ServiceRequest): Promise<HttpResponse> {
    const first = !this.requested;
    this.requested = true;
    if (!first) this.options.heardLater?.();
    const base = await this.endpoint(service);
    // A path of ours, or a link from the server's answer: either way, never off the endpoint's origin.
    const url = followLink(base, req.path) + queryString(req.query);
    const verbatim = service === 'image' && this.options.glanceclientErrors === true;
    const headers: Record<string, string> = { Accept: verbatim ? '*/*' : 'application/json', ...req.headers };
    let body = req.body;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['Content-Type'] ??= 'application/json';
    }
    const send = async (token: string, data = body) =>
      this.transport.request({
        method: req.method,
        url,
        headers: { ...headers, 'X-Auth-Token': token },
        body: data,
        idempotent: req.idempotent,
        restartBody: req.restartBody,
        lane: req.lane,
      });
    const token = await this.token();
    let sentToken = token;
    let res = await send(token);
    // A stream is sent once, unless the caller can make it anew (a file's upload).
    const replayable = body === undefined || typeof body === 'string' || Buffer.isBuffer(body) || req.restartBody !== undefined;
    if (res.status === 401 && !this.tokenMode && replayable) {
      // The token was revoked or expired early: authenticate once more, then give up.
      await res.body.dump();
      this.reauthenticate(token);
      sentToken = await this.token();
      res = await send(sentToken, req.restartBody?.() ?? body);
    }
    if (res.status === 401) {
      await res.body.dump();
      if (!this.tokenMode && !replayable) {
        this.cache?.drop(this.cacheKey());
        throw new CliError(
          `The token was refused by ${base} (HTTP 401) while sending data that cannot be sent twice; the cached token is dropped: run the command again.`,
        );
      }
      if (this.tokenMode) {
        throw new CliError(
          `The token was refused by ${base} (HTTP 401): in token mode it must be a token that service accepts (Keystone's admin_token works only for Keystone).`,
        );
      }
      throw new CliError('Invalid OpenStack Identity credentials.');
    }
    if (res.status >= 400 && !req.allow?.includes(res.status))
      throw await errorFromResponse(res, this.credentials.timeoutSeconds, [...secretsOf(this.credentials), token, sentToken], errorTextOf(verbatim));
    if (first && req.method === 'GET' && body === undefined && res.status >= 200 && res.status < 300) this.rememberFirst(service, base, url, headers);
    return res;
  }

  /** The first request, for the next run with the same inputs to send as it starts: only with a token of the cache's, from the catalog's endpoint. */
  private rememberFirst(service: ServiceType, base: string, url: string, headers: Record<string, string>): void {
    const c = this.credentials;
    if (!this.options.remember || !this.cache || this.tokenMode || !c.cache || c.forceNewToken || (service === 'image' && c.imageUrl)) return;
    this.options.remember({
      service,
      interface: c.interface,
      region: c.regionName,
      base,
      url,
      headers,
      tokenKey: this.cacheKey(),
      timeoutSeconds: c.timeoutSeconds,
    });
  }

  /** A JSON answer decoded by `guard`: a wrong shape (or no body at all) is one line naming the service, request and field. */
  async json<T>(service: ServiceType, req: ServiceRequest, guard: Guard<T>): Promise<T> {
    return this.decode(service, req, await this.request(service, req), guard);
  }

  /** Like json(), for a record that may not exist: a 404 answer is undefined. */
  async find<T>(service: ServiceType, req: ServiceRequest, guard: Guard<T>): Promise<T | undefined> {
    const res = await this.request(service, { ...req, allow: [404] });
    if (res.status !== 404) return this.decode(service, req, res, guard);
    await res.body.dump();
    return undefined;
  }

  /** A request whose answer has no body worth reading (204, or one the caller does not need): it is drained. */
  async send(service: ServiceType, req: ServiceRequest): Promise<void> {
    const res = await this.request(service, req);
    await res.body.dump();
  }

  /**
   * The first `limit` bytes at a URL outside the cloud (image data a user points Glance at), read
   * through this session's transport (its proxies, TLS options and --timeout) but with no token.
   */
  async readUrlHead(url: string, limit: number): Promise<RemoteHead> {
    // Imported here: only commands given a URL outside the cloud read one.
    const { readRemoteHead } = await import('../http/remote-head.js');
    return readRemoteHead(this.transport, url, { limit, timeoutSeconds: this.credentials.timeoutSeconds });
  }

  /** The whole data at a URL outside the cloud, streamed, with no token (as readUrlHead). */
  async openUrl(url: string): Promise<RemoteData> {
    return (await import('../http/remote-data.js')).openRemoteData(this.transport, url);
  }

  async close(): Promise<void> {
    await this.transport.close();
  }

  private async decode<T>(service: ServiceType, req: ServiceRequest, res: HttpResponse, guard: Guard<T>): Promise<T> {
    if (res.status === 204) {
      await res.body.dump();
      throw unexpectedBody(SERVICE_NAMES[service], req.method, res.url, 'there is none (HTTP 204)');
    }
    let body: unknown;
    try {
      body = await readJson(res, this.credentials.timeoutSeconds);
    } catch (err) {
      // The answer broke off mid-body: like a reset before the answer, a GET is asked again once.
      if (!(err instanceof BrokenBodyError) || req.method !== 'GET') throw err;
      body = await readJson(await this.request(service, req), this.credentials.timeoutSeconds);
    }
    return decodeAnswer(SERVICE_NAMES[service], req.method, res.url, body, guard);
  }

  private reauthenticate(refused: string): void {
    if (this.refused === refused) return;
    this.refused = refused;
    this.cache?.drop(this.cacheKey());
    this.state = this.loadOrAuthenticate(true);
  }

  /** The token cache's key for these credentials, computed once (a hash in JavaScript: each call costs). */
  private cacheKey(): string {
    const c = this.credentials;
    return (this.key ??= TokenCache.key([
      c.authUrl,
      c.authType,
      c.userId,
      c.username,
      c.userDomainId,
      c.userDomainName,
      c.defaultDomain,
      c.projectId,
      c.projectName,
      c.projectDomainId,
      c.projectDomainName,
      c.applicationCredentialId,
      c.applicationCredentialName,
      c.password,
      c.token,
      c.applicationCredentialSecret,
    ]));
  }

  private async loadOrAuthenticate(fresh: boolean): Promise<AuthState> {
    const c = this.credentials;
    const useCache = c.cache && this.cache !== undefined;
    const key = this.cacheKey();
    if (useCache && !fresh) {
      const cached = this.cache!.load(key, this.now());
      if (cached) return cached;
    }
    const identityUrl = await discoverV3(c.authUrl!, this.transport, c.timeoutSeconds);
    const state = await authenticate(c, identityUrl, this.transport);
    this.authenticatedHere = true;
    if (useCache) this.cache!.save(key, state);
    return state;
  }
}

function identityV3(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  if (/\/v3$/.test(trimmed)) return trimmed;
  return trimmed.replace(/\/v2\.0$/, '') + '/v3';
}

const errorTextOf = (verbatim: boolean): ErrorText => (verbatim ? 'verbatim' : 'readable');

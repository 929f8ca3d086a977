// Requests through http_proxy / https_proxy, with undici's ProxyAgent: plain-http origins as
// absolute-URI requests to the proxy, https origins through a CONNECT tunnel with the origin's TLS
// options (--os-cacert, --insecure, --os-cert/--os-key) applied end to end. The transport imports
// this module only when a proxy variable is set, so a run without one loads none of it.
import type { Dispatcher, Pool as PoolType } from 'undici';
import apiConnect from 'undici/lib/api/api-connect.js';
import Pool from 'undici/lib/dispatcher/pool.js';
import ProxyAgent from 'undici/lib/dispatcher/proxy-agent.js';
import { CliError } from '../errors.js';
import { type NoProxy, parseNoProxy } from './no-proxy.js';
import type { ProxyEnv, ProxyVariable } from './proxy-env.js';

export interface ProxyRoute {
  dispatcher: Dispatcher;
  /** The proxy URL with any user:password replaced by `***`. */
  label: string;
  /** The variable it came from: `https_proxy`. */
  variable: string;
}

export interface TlsOptions {
  timeout: number;
  rejectUnauthorized: boolean;
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

export class ProxyRouter {
  private readonly noProxy: NoProxy;
  private readonly routes = new Map<string, ProxyRoute>();

  constructor(
    private readonly env: ProxyEnv,
    private readonly clientOptions: PoolType.Options,
    private readonly tls: TlsOptions,
  ) {
    this.noProxy = parseNoProxy(env.noProxy);
  }

  /** The proxy `url` goes through, or undefined to go direct. */
  routeFor(url: URL): ProxyRoute | undefined {
    // https_proxy serves https origins; without it requests falls back to nothing, and so do we.
    const variable = url.protocol === 'https:' ? this.env.https : this.env.http;
    if (!variable || this.noProxy.bypasses(url)) return undefined;
    let route = this.routes.get(variable.name);
    if (!route) {
      route = this.makeRoute(variable);
      this.routes.set(variable.name, route);
    }
    return route;
  }

  async close(): Promise<void> {
    await Promise.all([...this.routes.values()].map((route) => route.dispatcher.close()));
  }

  private makeRoute(variable: ProxyVariable): ProxyRoute {
    const proxy = proxyUrl(variable);
    const label = redactUserinfo(proxy);
    // Every connection, to the proxy or through it, gets our timeouts and header limit.
    const pool = (origin: string | URL, options: object) => new Pool(origin, { ...options, ...this.clientOptions });
    const { timeout, rejectUnauthorized, ca } = this.tls;
    const dispatcher = new ProxyAgent({
      uri: proxy.href,
      // Plain http as requests sends it: the absolute URL to the proxy, no tunnel.
      proxyTunnel: false,
      ...this.clientOptions,
      factory: pool,
      // The pool to the proxy opens tunnels with the connect API, which undici's index (not loaded:
      // see undici-core.d.ts) would have put on every dispatcher.
      clientFactory: (origin, options) => Object.assign(pool(origin, options), { connect: apiConnect }),
      requestTls: this.tls,
      // An https:// proxy is verified with the same CA options as the cloud.
      proxyTls: { timeout, rejectUnauthorized, ca },
    });
    return { dispatcher, label, variable: variable.name };
  }
}

function proxyUrl(variable: ProxyVariable): URL {
  // requests takes `proxy:3128` as `http://proxy:3128`.
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(variable.value) ? variable.value : `http://${variable.value}`;
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname) {
    const shown = url ? redactUserinfo(url) : variable.value.replace(/^(.*:\/\/)?[^@/]*@/, '$1***@');
    throw new CliError(`${variable.name} is not an http:// or https:// proxy URL: ${shown}`);
  }
  return url;
}

/** scheme://host:port, with `***@` where the URL had credentials. */
export function redactUserinfo(url: URL): string {
  return `${url.protocol}//${url.username || url.password ? '***@' : ''}${url.host}`;
}

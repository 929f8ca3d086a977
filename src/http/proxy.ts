// Which proxy a request goes through, from http_proxy / https_proxy and no_proxy as python-requests
// reads them: plain-http origins go as absolute-URI requests to the proxy, https origins through a
// CONNECT tunnel with the origin's TLS options end to end (src/http/wire.ts). The transport imports
// this module only when a proxy variable is set, so a run without one loads none of it.
import { CliError } from '../errors.js';
import { type NoProxy, parseNoProxy } from './no-proxy.js';
import type { ProxyEnv, ProxyVariable } from './proxy-env.js';
import type { ProxyRoute } from './wire.js';

export class ProxyRouter {
  private readonly noProxy: NoProxy;
  private readonly routes = new Map<string, ProxyRoute>();

  constructor(private readonly env: ProxyEnv) {
    this.noProxy = parseNoProxy(env.noProxy);
  }

  /** The proxy `url` goes through, or undefined to go direct. */
  routeFor(url: URL): ProxyRoute | undefined {
    // https_proxy serves https origins; without it requests falls back to nothing, and so do we.
    const variable = url.protocol === 'https:' ? this.env.https : this.env.http;
    if (!variable || this.noProxy.bypasses(url)) return undefined;
    let route = this.routes.get(variable.name);
    if (!route) {
      const proxy = proxyUrl(variable);
      route = { proxy, label: redactUserinfo(proxy), variable: variable.name };
      this.routes.set(variable.name, route);
    }
    return route;
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

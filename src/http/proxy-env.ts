// Which proxy variables are set, read as python-requests reads them: the lower-case name first
// (an empty one falls through to the upper case). Only the names: src/http/proxy.ts (loaded only
// when a proxy is set) parses and applies them.
export interface ProxyVariable {
  /** The variable's name, for messages: `https_proxy`. */
  name: string;
  value: string;
}

export interface ProxyEnv {
  http?: ProxyVariable;
  https?: ProxyVariable;
  noProxy: string;
}

/** undefined when no proxy is set (no_proxy alone changes nothing). */
export function proxyEnv(env: Readonly<Record<string, string | undefined>>): ProxyEnv | undefined {
  const pick = (name: string): ProxyVariable | undefined => {
    for (const variable of [name, name.toUpperCase()]) {
      const value = env[variable]?.trim();
      if (value) return { name: variable, value };
    }
    return undefined;
  };
  const http = pick('http_proxy');
  const https = pick('https_proxy');
  if (!http && !https) return undefined;
  return { http, https, noProxy: pick('no_proxy')?.value ?? '' };
}

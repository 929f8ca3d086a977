// no_proxy as python-requests (with urllib) reads it: host names, domain suffixes, CIDR ranges
// (10.0.0.0/8) and `*` among other entries.
import { BlockList, isIP } from 'node:net';

interface HostRule {
  /** Lower case, without a leading `.` or `*.`. */
  host: string;
  /** 0: any port. */
  port: number;
}

export interface NoProxy {
  /** True when `url` goes direct, not through a proxy. */
  bypasses(url: URL): boolean;
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** Entries are separated by commas or blanks: a host (and its subdomains), `.domain`, `*.domain`, an IP, a CIDR range, any of them with `:port`, or `*` (everything). */
export function parseNoProxy(value: string): NoProxy {
  const hosts: HostRule[] = [];
  const ranges = new BlockList();
  let everything = false;
  for (const entry of value.toLowerCase().split(/[\s,]+/)) {
    if (!entry) continue;
    if (entry === '*') everything = true;
    const cidr = /^\[?([0-9a-f.:]+)\]?\/(\d{1,3})$/.exec(entry);
    const family = cidr ? isIP(cidr[1]!) : 0;
    if (cidr && family) {
      const bits = Number(cidr[2]);
      if (bits <= (family === 4 ? 32 : 128)) ranges.addSubnet(cidr[1]!, bits, family === 4 ? 'ipv4' : 'ipv6');
      continue;
    }
    const withPort = /^(.*?):(\d{1,5})$/.exec(entry);
    // A bare IPv6 address has colons of its own: only a bracketed one carries a port.
    const hasPort = withPort !== null && (isIP(entry) !== 6 || entry.startsWith('['));
    const host = (hasPort ? withPort[1]! : entry).replace(/^\*?\./, '').replace(/^\[(.*)\]$/, '$1');
    if (host) hosts.push({ host, port: hasPort ? Number(withPort[2]) : 0 });
  }
  return {
    bypasses(url) {
      if (everything) return true;
      const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
      const port = Number(url.port) || DEFAULT_PORTS[url.protocol] || 0;
      const family = isIP(host);
      if (family && ranges.check(host, family === 4 ? 'ipv4' : 'ipv6')) return true;
      return hosts.some((rule) => (rule.port === 0 || rule.port === port) && (host === rule.host || (!family && host.endsWith(`.${rule.host}`))));
    },
  };
}

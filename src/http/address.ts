// Where a socket connects for a URL: the wire's connections and the early GET's own socket (./early.ts).

/** The host as a socket wants it: an IPv6 address without its brackets. */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** The URL's port, else its scheme's. */
export const portOf = (url: URL): number => Number(url.port) || (url.protocol === 'https:' ? 443 : 80);

// Links a server hands back (Glance's `next`, a Keystone version's `href`) are joined to the endpoint
// they came from, as gophercloud joins Glance's `next`: a path is below the endpoint, keeping its
// path prefix (https://host/image + /v2/images?marker=x → https://host/image/v2/images?marker=x).
// A full URL is taken as it is, but the token (or password) goes only to the endpoint's own origin.
import { CliError } from '../errors.js';

/** A link with a scheme ("http:", "other-host:"): a full URL. */
const HAS_SCHEME = /^[a-z][a-z\d+.-]*:/i;
/** A network-path reference ("//host/…"; "\\host/…" to a URL parser): the endpoint's scheme, its own host. */
const NAMES_A_HOST = /^[\\/]{2}/;

/** Where `link` leads from `endpoint`; no check of where that is. */
export function linkTarget(endpoint: string, link: string): string {
  if (HAS_SCHEME.test(link)) return link;
  if (NAMES_A_HOST.test(link)) return new URL(link, endpoint).href;
  // Glued on, never URL-resolved: "@host:port/…" stays a path on the endpoint's host.
  return `${endpoint.replace(/\/+$/, '')}/${link.replace(/^[\\/]+/, '')}`;
}

/** Like linkTarget, for a request that carries a credential: a link to another origin (scheme, host, port) is refused. */
export function followLink(endpoint: string, link: string): string {
  const target = linkTarget(endpoint, link);
  const from = originOf(endpoint);
  const to = originOf(target);
  if (to !== from) {
    throw new CliError(`Refused a link from ${from} to ${to}: credentials are sent only to the endpoint's own origin (scheme, host and port).`);
  }
  return target;
}

/** scheme://host:port, never userinfo or path; "null"-origin schemes (other-host:) shown as they are. */
function originOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'an invalid URL';
  }
}

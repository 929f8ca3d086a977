// Version discovery at an Identity URL: unauthenticated, so it talks to the transport directly.
import { decodeAnswer } from '../../http/decode.js';
import { HttpTransport, type TransportOptions } from '../../http/transport.js';
import { discoveryGuard } from '../../session/auth.js';
import { linkTarget } from '../../session/links.js';
import { readBody } from '../../session/read-body.js';

export interface ApiVersion {
  id: string;
  status: string;
  url: string;
}

/** The versions a Keystone answers at `url` (a root lists several, a versioned URL describes one); undefined when it is no Keystone. */
export async function discoverVersions(transport: HttpTransport, url: string, timeoutSeconds: number): Promise<ApiVersion[] | undefined> {
  const res = await transport.request({ method: 'GET', url, headers: { Accept: 'application/json' } });
  const text = await readBody(res, timeoutSeconds);
  if (![200, 204, 300].includes(res.status)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const doc = decodeAnswer('Keystone', 'GET', res.url, parsed, discoveryGuard);
  const found = doc.version ? [doc.version] : doc.versions?.values;
  if (!found) return undefined;
  return found.map((v) => ({
    id: v.id,
    status: v.status,
    // Only shown, never sent to: a relative href is below the root (its path prefix kept), a full one as it is.
    url: linkTarget(url, v.links?.find((l) => l.rel === 'self')?.href ?? v.id),
  }));
}

/** Discovery with a transport of its own (no session, no token), closed afterwards. */
export async function discoverWith(options: TransportOptions, url: string): Promise<ApiVersion[] | undefined> {
  const transport = new HttpTransport(options);
  try {
    return await discoverVersions(transport, url, options.timeoutSeconds);
  } finally {
    await transport.close();
  }
}

import { EndpointNotFoundError } from '../errors.js';
import type { Interface } from '../config/credentials.js';
import { list, nullable, optional, shape, str, type Guard } from '../http/decode.js';
import { withoutUserinfo } from '../http/redact.js';

export interface CatalogEndpoint {
  id: string;
  interface: string;
  /** null for an endpoint in no region. */
  region?: string | null;
  region_id?: string | null;
  url: string;
}

export interface CatalogService {
  id: string;
  type: string;
  name?: string;
  endpoints: CatalogEndpoint[];
}

const catalogEndpoint = shape<CatalogEndpoint>({
  id: str,
  interface: str,
  region: optional(nullable(str)),
  region_id: optional(nullable(str)),
  url: str,
});

/** A v3 service catalog, as a token carries it. */
export const catalogGuard: Guard<CatalogService[]> = list(shape<CatalogService>({ id: str, type: str, name: optional(str), endpoints: list(catalogEndpoint) }));

/** Picks the endpoint of a service type for an interface and (optional) region, or says what there is instead. */
export function selectEndpoint(catalog: CatalogService[], serviceType: string, iface: Interface, region?: string): string {
  const services = catalog.filter((s) => s.type === serviceType);
  const candidates = services.flatMap((s) => s.endpoints);
  const match = candidates.find((e) => e.interface === iface && (!region || e.region_id === region || e.region === region));
  if (match) return match.url;
  const offered = catalog.flatMap((s) => s.endpoints.map((e) => `${s.type}/${e.interface}@${e.region_id ?? e.region ?? '-'}`)).sort();
  const wanted = `${serviceType}/${iface}${region ? '@' + region : ''}`;
  throw new EndpointNotFoundError(
    `No ${wanted} endpoint in the service catalog (it offers: ${offered.join(', ') || 'nothing'}). ` +
      `Check --os-region-name / --os-interface${serviceType === 'image' ? ', or pass --os-image-url' : ''}.`,
    serviceType,
    iface,
    region,
  );
}

/** A service's base URL: no trailing version, and no userinfo (never sent, and it would show a password in every message). */
export function serviceBase(url: string): string {
  return withoutUserinfo(url)
    .replace(/\/+$/, '')
    .replace(/\/v[12](\.\d+)?$/, '');
}

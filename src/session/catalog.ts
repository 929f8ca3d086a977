import { CliError } from '../errors.js';
import type { Interface } from '../config/credentials.js';

export interface CatalogEndpoint {
  id: string;
  interface: string;
  region?: string;
  region_id?: string;
  url: string;
}

export interface CatalogService {
  id: string;
  type: string;
  name?: string;
  endpoints: CatalogEndpoint[];
}

/** Picks the endpoint of a service type for an interface and (optional) region, or says what there is instead. */
export function selectEndpoint(catalog: CatalogService[], serviceType: string, iface: Interface, region?: string): string {
  const services = catalog.filter((s) => s.type === serviceType);
  const candidates = services.flatMap((s) => s.endpoints);
  const match = candidates.find(
    (e) => e.interface === iface && (!region || e.region_id === region || e.region === region),
  );
  if (match) return match.url;
  const offered = catalog
    .flatMap((s) => s.endpoints.map((e) => `${s.type}/${e.interface}@${e.region_id ?? e.region ?? '-'}`))
    .sort();
  const wanted = `${serviceType}/${iface}${region ? '@' + region : ''}`;
  throw new CliError(
    `No ${wanted} endpoint in the service catalog (it offers: ${offered.join(', ') || 'nothing'}). ` +
      `Check --os-region-name / --os-interface${serviceType === 'image' ? ', or pass --os-image-url' : ''}.`,
  );
}

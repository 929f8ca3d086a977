// Classic (v2.0) endpoints on Keystone v3. A classic endpoint had publicurl, internalurl and adminurl
// in one record; v3 has one endpoint per interface. Mapping:
// - endpoint-create makes one v3 endpoint per URL given, in the region (created when missing, as
//   v2.0 did). The classic id is the id of the PUBLIC v3 endpoint; all of the group's endpoints,
//   the public one included, carry `classic_endpoint_id: <that id>` (Keystone keeps and returns
//   unknown endpoint attributes), so two endpoint-create calls for one service and region stay two
//   classic endpoints.
// - Endpoints without that mark (made by other tools, e.g. keystone-manage bootstrap) are grouped
//   by service and region, at most one per interface; their id is the public one's (else internal,
//   else admin).
// - endpoint-get/endpoint-delete take the classic id (or the id of any v3 endpoint of the group) and
//   act on the whole group.
import type { CatalogEndpoint, CatalogService } from '../../session/catalog.js';
import type { Endpoint, EndpointInterface, EndpointsApi } from './endpoints.js';
import type { RegionsApi } from './regions.js';

export const CLASSIC_MARK = 'classic_endpoint_id';
const INTERFACES: readonly EndpointInterface[] = ['public', 'internal', 'admin'];

export interface ClassicEndpoint {
  id: string;
  region: string | null;
  service_id: string;
  publicurl: string | null;
  internalurl: string | null;
  adminurl: string | null;
  /** The v3 endpoints behind it. */
  members: Endpoint[];
}

export interface ClassicEndpointCreate {
  region: string;
  serviceId: string;
  publicurl: string;
  internalurl?: string;
  adminurl?: string;
}

/** Splits endpoints of one service and region into groups holding at most one endpoint per interface. */
export function splitByInterface<T extends { interface: string }>(items: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (const item of items) {
    const free = groups.find((g) => !g.some((m) => m.interface === item.interface));
    if (free) free.push(item);
    else groups.push([item]);
  }
  return groups;
}

/** The member that names a group: public, else internal, else admin. */
export function anchorOf<T extends { interface: string }>(members: readonly T[]): T {
  for (const iface of INTERFACES) {
    const found = members.find((m) => m.interface === iface);
    if (found) return found;
  }
  return members[0]!;
}

function toClassic(id: string, members: Endpoint[]): ClassicEndpoint {
  const url = (iface: EndpointInterface): string | null => members.find((m) => m.interface === iface)?.url ?? null;
  const first = members[0]!;
  return {
    id,
    region: first.region_id ?? first.region ?? null,
    service_id: first.service_id,
    publicurl: url('public'),
    internalurl: url('internal'),
    adminurl: url('admin'),
    members,
  };
}

/** Groups v3 endpoints into classic ones (see the mapping above), sorted by id as the classic list was. */
export function groupEndpoints(endpoints: readonly Endpoint[]): ClassicEndpoint[] {
  const ids = new Set(endpoints.map((e) => e.id));
  const marked = new Map<string, Endpoint[]>();
  const buckets = new Map<string, Endpoint[]>();
  for (const e of endpoints) {
    const mark = e[CLASSIC_MARK];
    if (typeof mark === 'string' && ids.has(mark)) {
      marked.set(mark, [...(marked.get(mark) ?? []), e]);
    } else {
      const key = `${e.service_id}\u0000${e.region_id ?? e.region ?? ''}`;
      buckets.set(key, [...(buckets.get(key) ?? []), e]);
    }
  }
  const classic: ClassicEndpoint[] = [];
  for (const [id, members] of marked) {
    for (const [i, group] of splitByInterface(members).entries()) classic.push(toClassic(i === 0 ? id : anchorOf(group).id, group));
  }
  for (const members of buckets.values()) {
    for (const group of splitByInterface(members)) classic.push(toClassic(anchorOf(group).id, group));
  }
  return classic.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export class ClassicEndpointsApi {
  constructor(
    private readonly endpoints: EndpointsApi,
    private readonly regions: RegionsApi,
  ) {}

  async list(): Promise<ClassicEndpoint[]> {
    return groupEndpoints(await this.endpoints.list());
  }

  /** The classic endpoint with this id, or the one holding a v3 endpoint with this id. */
  async find(id: string): Promise<ClassicEndpoint | undefined> {
    const all = await this.list();
    return all.find((c) => c.id === id) ?? all.find((c) => c.members.some((m) => m.id === id));
  }

  /** Creates the region if missing, then one v3 endpoint per URL; undoes what it made if a step fails. */
  async create(req: ClassicEndpointCreate): Promise<ClassicEndpoint> {
    if (!(await this.regions.find(req.region))) await this.regions.create({ id: req.region });
    const base = { service_id: req.serviceId, region_id: req.region };
    const made: Endpoint[] = [];
    try {
      const pub = await this.endpoints.create({ ...base, interface: 'public', url: req.publicurl });
      made.push(pub);
      made[0] = await this.endpoints.update(pub.id, { [CLASSIC_MARK]: pub.id });
      for (const [iface, url] of [
        ['internal', req.internalurl],
        ['admin', req.adminurl],
      ] as const) {
        if (url !== undefined) made.push(await this.endpoints.create({ ...base, interface: iface, url, [CLASSIC_MARK]: pub.id }));
      }
      return toClassic(pub.id, made);
    } catch (err) {
      await Promise.allSettled(made.map((e) => this.endpoints.delete(e.id)));
      throw err;
    }
  }

  async delete(endpoint: ClassicEndpoint): Promise<void> {
    for (const member of endpoint.members) await this.endpoints.delete(member.id);
  }
}

/** A v2.0 catalog endpoint: the URLs of one service in one region. */
export interface ClassicCatalogEndpoint {
  id: string;
  region: string | null;
  publicURL?: string;
  internalURL?: string;
  adminURL?: string;
}

export interface ClassicCatalogService {
  type: string;
  name?: string;
  endpoints: ClassicCatalogEndpoint[];
}

/** The token's v3 catalog in v2.0's shape: per service, one endpoint per region with its three URLs. */
export function classicCatalog(catalog: readonly CatalogService[]): ClassicCatalogService[] {
  return catalog.map((service) => {
    const regions = new Map<string, CatalogEndpoint[]>();
    for (const e of service.endpoints) {
      const region = e.region_id ?? e.region ?? '';
      regions.set(region, [...(regions.get(region) ?? []), e]);
    }
    const endpoints: ClassicCatalogEndpoint[] = [];
    for (const members of regions.values()) {
      for (const group of splitByInterface(members)) {
        const entry: ClassicCatalogEndpoint = { id: anchorOf(group).id, region: group[0]!.region_id ?? group[0]!.region ?? null };
        for (const e of group) {
          if (e.interface === 'public' || e.interface === 'internal' || e.interface === 'admin') entry[`${e.interface}URL`] = e.url;
        }
        endpoints.push(entry);
      }
    }
    return { type: service.type, name: service.name, endpoints };
  });
}

// Metadata-definition namespaces: /v2/metadefs/namespaces.
import { CliError } from '../../../errors.js';
import { bool, list, obj, optional, shape, str, dict } from '../../../http/decode.js';
import type { Query, Session } from '../../../session/session.js';
import { type MetadefSchema, metadefSchema, namespacePath } from './index.js';

/** A namespace's resource type association, object or tag: only the name is read, the rest kept. */
export interface NamedEntry {
  name: string;
  [field: string]: unknown;
}

const namedEntry = shape<NamedEntry>({ name: str });

/** A namespace as Glance returns it; fields Glance adds later are kept, in the server's order. */
export interface Namespace {
  namespace: string;
  display_name?: string;
  description?: string;
  visibility?: string;
  protected?: boolean;
  owner?: string;
  created_at?: string;
  updated_at?: string;
  schema?: string;
  self?: string;
  resource_type_associations?: NamedEntry[];
  properties?: Record<string, Record<string, unknown>>;
  objects?: NamedEntry[];
  tags?: NamedEntry[];
  [field: string]: unknown;
}

export const namespaceGuard = shape<Namespace>({
  namespace: str,
  display_name: optional(str),
  description: optional(str),
  visibility: optional(str),
  protected: optional(bool),
  owner: optional(str),
  created_at: optional(str),
  updated_at: optional(str),
  schema: optional(str),
  self: optional(str),
  resource_type_associations: optional(list(namedEntry)),
  properties: optional(dict(obj)),
  objects: optional(list(namedEntry)),
  tags: optional(list(namedEntry)),
});

interface NamespacePage {
  namespaces: Namespace[];
  next?: string;
}

const pageGuard = shape<NamespacePage>({ namespaces: list(namespaceGuard), next: optional(str) });

/** The most pages one listing follows (a server that never stops is stopped). */
const MAX_PAGES = 10_000;

export interface NamespaceFilters {
  resourceTypes?: readonly string[];
  visibility?: string;
  /** Namespaces per page. */
  limit: number;
}

/** What each namespace holds besides itself, deleted all at once. */
export type NamespaceContents = 'objects' | 'properties' | 'tags';

export class NamespacesApi {
  constructor(private readonly session: Session) {}

  schema(): Promise<MetadefSchema> {
    return metadefSchema(this.session, 'namespace');
  }

  /** Every page, following Glance's `next` links; a server that repeats a marker or pages on empty is stopped. */
  async list(filters: NamespaceFilters): Promise<Namespace[]> {
    const query: Query = { limit: filters.limit };
    if (filters.resourceTypes !== undefined) query.resource_types = filters.resourceTypes.join(',');
    if (filters.visibility !== undefined) query.visibility = filters.visibility;
    const namespaces: Namespace[] = [];
    const markers = new Set<string>();
    let page = await this.session.json('image', { method: 'GET', path: '/v2/metadefs/namespaces', query }, pageGuard);
    for (let pages = 1; ; pages++) {
      namespaces.push(...page.namespaces);
      if (page.next === undefined) return namespaces;
      if (page.namespaces.length === 0) throw new CliError(`Glance returned an empty page with a next link (page ${pages}): listing stopped.`);
      const marker = new URLSearchParams(page.next.split('?')[1] ?? '').get('marker') ?? page.next;
      if (markers.has(marker)) throw new CliError(`Glance's next link on page ${pages} repeats an earlier marker: listing stopped.`);
      if (pages >= MAX_PAGES) throw new CliError(`Glance's listing goes on past ${MAX_PAGES} pages: listing stopped (raise --page-size).`);
      markers.add(marker);
      page = await this.session.json('image', { method: 'GET', path: page.next }, pageGuard);
    }
  }

  /** One namespace; with a resource type, its properties carry that type's prefix. */
  get(namespace: string, resourceType?: string): Promise<Namespace> {
    const query: Query = resourceType === undefined ? {} : { resource_type: resourceType };
    return this.session.json('image', { method: 'GET', path: namespacePath(namespace), query }, namespaceGuard);
  }

  create(body: Record<string, unknown>): Promise<Namespace> {
    return this.session.json('image', { method: 'POST', path: '/v2/metadefs/namespaces', json: body }, namespaceGuard);
  }

  /** PUT: the whole namespace as it should be; its answer is not read (glanceclient reads the namespace afresh). */
  async replace(namespace: string, body: Record<string, unknown>): Promise<void> {
    await this.session.send('image', { method: 'PUT', path: namespacePath(namespace), json: body });
  }

  async delete(namespace: string): Promise<void> {
    await this.session.send('image', { method: 'DELETE', path: namespacePath(namespace) });
  }

  /** Deletes every object, property or tag of the namespace (the namespace stays). */
  async deleteAll(namespace: string, contents: NamespaceContents): Promise<void> {
    await this.session.send('image', { method: 'DELETE', path: `${namespacePath(namespace)}/${contents}` });
  }
}

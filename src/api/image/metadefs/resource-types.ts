// Metadata-definition resource types and their associations with namespaces.
import { list, optional, shape, str, wrapped } from '../../../http/decode.js';
import type { Session } from '../../../session/session.js';
import { type MetadefSchema, metadefSchema, namespacePath } from './index.js';

/** A resource type Glance knows (OS::Glance::Image, …). */
export interface ResourceType {
  name: string;
  created_at?: string;
  updated_at?: string;
  [field: string]: unknown;
}

/** A resource type as associated with one namespace. */
export interface ResourceTypeAssociation extends ResourceType {
  prefix?: string;
  properties_target?: string;
}

const resourceTypeGuard = shape<ResourceType>({ name: str, created_at: optional(str), updated_at: optional(str) });

export const associationGuard = shape<ResourceTypeAssociation>({
  name: str,
  prefix: optional(str),
  properties_target: optional(str),
  created_at: optional(str),
  updated_at: optional(str),
});

export class ResourceTypesApi {
  constructor(private readonly session: Session) {}

  schema(): Promise<MetadefSchema> {
    return metadefSchema(this.session, 'resource_type');
  }

  list(): Promise<ResourceType[]> {
    return this.session.json('image', { method: 'GET', path: '/v2/metadefs/resource_types' }, wrapped('resource_types', list(resourceTypeGuard)));
  }

  /** The resource types associated with a namespace. */
  forNamespace(namespace: string): Promise<ResourceTypeAssociation[]> {
    return this.session.json('image', { method: 'GET', path: associationsPath(namespace) }, wrapped('resource_type_associations', list(associationGuard)));
  }

  associate(namespace: string, body: Record<string, unknown>): Promise<ResourceTypeAssociation> {
    return this.session.json('image', { method: 'POST', path: associationsPath(namespace), json: body }, associationGuard);
  }

  async deassociate(namespace: string, resourceType: string): Promise<void> {
    await this.session.send('image', { method: 'DELETE', path: `${associationsPath(namespace)}/${encodeURIComponent(resourceType)}` });
  }
}

function associationsPath(namespace: string): string {
  return `${namespacePath(namespace)}/resource_types`;
}

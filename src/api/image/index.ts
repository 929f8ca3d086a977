// Glance v2, one module per resource. Returns typed records; never prints.
import type { Session } from '../../session/session.js';
import { CacheApi } from './cache.js';
import { ImageDataApi } from './data.js';
import { ImagesApi } from './images.js';
import { ImportsApi } from './imports.js';
import { LifecycleApi } from './lifecycle.js';
import { LocationsApi } from './locations.js';
import { MembersApi } from './members.js';
import { NamespacesApi } from './metadefs/namespaces.js';
import { ResourceTypesApi } from './metadefs/resource-types.js';
import { MetadefObjectsApi } from './metadefs/objects.js';
import { MetadefPropertiesApi } from './metadefs/properties.js';
import { MetadefTagsApi } from './metadefs/tags.js';
import { SchemasApi } from './schemas.js';
import { StoresApi } from './stores.js';
import { TagsApi } from './tags.js';
import { TasksApi } from './tasks.js';
import { UsageApi } from './usage.js';
import { VersionsApi } from './versions.js';

export class ImageApi {
  readonly cache: CacheApi;
  readonly images: ImagesApi;
  readonly data: ImageDataApi;
  readonly imports: ImportsApi;
  readonly lifecycle: LifecycleApi;
  readonly locations: LocationsApi;
  readonly members: MembersApi;
  readonly metadefNamespaces: NamespacesApi;
  readonly metadefResourceTypes: ResourceTypesApi;
  readonly metadefObjects: MetadefObjectsApi;
  readonly metadefProperties: MetadefPropertiesApi;
  readonly metadefTags: MetadefTagsApi;
  readonly schemas: SchemasApi;
  readonly stores: StoresApi;
  readonly tags: TagsApi;
  readonly tasks: TasksApi;
  readonly usage: UsageApi;
  readonly versions: VersionsApi;

  constructor(readonly session: Session) {
    this.cache = new CacheApi(session);
    this.images = new ImagesApi(session);
    this.data = new ImageDataApi(session);
    this.imports = new ImportsApi(session);
    this.lifecycle = new LifecycleApi(session);
    this.locations = new LocationsApi(session);
    this.members = new MembersApi(session);
    this.metadefNamespaces = new NamespacesApi(session);
    this.metadefResourceTypes = new ResourceTypesApi(session);
    this.metadefObjects = new MetadefObjectsApi(session);
    this.metadefProperties = new MetadefPropertiesApi(session);
    this.metadefTags = new MetadefTagsApi(session);
    this.schemas = new SchemasApi(session);
    this.stores = new StoresApi(session);
    this.tags = new TagsApi(session);
    this.tasks = new TasksApi(session);
    this.usage = new UsageApi(session);
    this.versions = new VersionsApi(session);
  }
}

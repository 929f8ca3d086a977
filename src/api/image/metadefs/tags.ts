// Metadata-definition tags of a namespace (/v2/metadefs/namespaces/NS/tags).
import { list, obj, optional, shape, str, wrapped } from '../../../http/decode.js';
import type { Session } from '../../../session/session.js';
import { memberPath, metadefSchemaPath, namespacePath } from './namespace-path.js';

export interface MetadefTag {
  name: string;
  created_at?: string;
  updated_at?: string;
  [field: string]: unknown;
}

export const metadefTagGuard = shape<MetadefTag>({ name: str, created_at: optional(str), updated_at: optional(str) });

export class MetadefTagsApi {
  constructor(private readonly session: Session) {}

  /** The server's tag schema, which glanceclient validates each new tag name against. */
  async schema(): Promise<Record<string, unknown>> {
    return this.session.json('image', { method: 'GET', path: metadefSchemaPath('tag') }, obj);
  }

  async list(namespace: string): Promise<MetadefTag[]> {
    return this.session.json('image', { method: 'GET', path: `${namespacePath(namespace)}/tags` }, wrapped('tags', list(metadefTagGuard)));
  }

  async get(namespace: string, name: string): Promise<MetadefTag> {
    return this.session.json('image', { method: 'GET', path: memberPath(namespace, 'tags', name) }, metadefTagGuard);
  }

  /** Adds one tag (POST with no body: the name is in the path). */
  async create(namespace: string, name: string): Promise<MetadefTag> {
    return this.session.json('image', { method: 'POST', path: memberPath(namespace, 'tags', name) }, metadefTagGuard);
  }

  /** Replaces the namespace's tags with these (the tags the server then lists back). */
  async createMany(namespace: string, names: readonly string[]): Promise<MetadefTag[]> {
    const json = { tags: names.map((name) => ({ name })) };
    return this.session.json('image', { method: 'POST', path: `${namespacePath(namespace)}/tags`, json }, wrapped('tags', list(metadefTagGuard)));
  }

  /** Renames a tag (the body is the tag as it should become). */
  async replace(namespace: string, name: string, tag: Record<string, unknown>): Promise<void> {
    await this.session.send('image', { method: 'PUT', path: memberPath(namespace, 'tags', name), json: tag });
  }

  async delete(namespace: string, name: string): Promise<void> {
    await this.session.send('image', { method: 'DELETE', path: memberPath(namespace, 'tags', name) });
  }
}

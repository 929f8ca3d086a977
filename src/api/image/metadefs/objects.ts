// Metadata-definition objects of a namespace (/v2/metadefs/namespaces/NS/objects).
import { dict, list, obj, optional, shape, str, wrapped } from '../../../http/decode.js';
import type { Session } from '../../../session/session.js';
import { metadefPropertyGuard, type MetadefProperty } from './properties.js';
import { memberPath, metadefSchemaPath, namespacePath } from './namespace-path.js';

/** An object definition: a name and its properties (property definitions by name); the rest is free-form. */
export interface MetadefObject {
  name: string;
  description?: string;
  properties?: Record<string, MetadefProperty>;
  [field: string]: unknown;
}

export const metadefObjectGuard = shape<MetadefObject>({ name: str, description: optional(str), properties: optional(dict(metadefPropertyGuard)) });

export class MetadefObjectsApi {
  constructor(private readonly session: Session) {}

  /** The server's object schema, which glanceclient validates an object against before sending it. */
  async schema(): Promise<Record<string, unknown>> {
    return this.session.json('image', { method: 'GET', path: metadefSchemaPath('object') }, obj);
  }

  async list(namespace: string): Promise<MetadefObject[]> {
    return this.session.json('image', { method: 'GET', path: `${namespacePath(namespace)}/objects` }, wrapped('objects', list(metadefObjectGuard)));
  }

  async get(namespace: string, name: string): Promise<MetadefObject> {
    return this.session.json('image', { method: 'GET', path: memberPath(namespace, 'objects', name) }, metadefObjectGuard);
  }

  async create(namespace: string, object: Record<string, unknown>): Promise<MetadefObject> {
    return this.session.json('image', { method: 'POST', path: `${namespacePath(namespace)}/objects`, json: object }, metadefObjectGuard);
  }

  /** Replaces the object (its whole definition, possibly renamed). */
  async replace(namespace: string, name: string, object: Record<string, unknown>): Promise<void> {
    await this.session.send('image', { method: 'PUT', path: memberPath(namespace, 'objects', name), json: object });
  }

  async delete(namespace: string, name: string): Promise<void> {
    await this.session.send('image', { method: 'DELETE', path: memberPath(namespace, 'objects', name) });
  }
}

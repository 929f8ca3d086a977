// Metadata-definition properties of a namespace (/v2/metadefs/namespaces/NS/properties).
import { dict, nullable, obj, optional, shape, str, wrapped } from '../../../http/decode.js';
import type { Session } from '../../../session/session.js';
import { memberPath, metadefSchemaPath, namespacePath } from './namespace-path.js';

/** A property definition: a JSON-schema fragment with a name and a title; the rest is free-form. */
export interface MetadefProperty {
  name?: string;
  title?: string;
  type?: string | null;
  [field: string]: unknown;
}

export const metadefPropertyGuard = shape<MetadefProperty>({ name: optional(str), title: optional(str), type: optional(nullable(str)) });

export class MetadefPropertiesApi {
  constructor(private readonly session: Session) {}

  /** The server's property schema, which glanceclient validates a property against before sending it. */
  async schema(): Promise<Record<string, unknown>> {
    return this.session.json('image', { method: 'GET', path: metadefSchemaPath('property') }, obj);
  }

  /** The namespace's properties, each with its name (the key it is listed under) added, in the server's order. */
  async list(namespace: string): Promise<MetadefProperty[]> {
    const byName = await this.session.json(
      'image',
      { method: 'GET', path: `${namespacePath(namespace)}/properties` },
      wrapped('properties', dict(metadefPropertyGuard)),
    );
    return Object.entries(byName).map(([name, property]) => ({ ...property, name }));
  }

  /** One property; the server leaves the name out of the body, so it is set from the request. */
  async get(namespace: string, name: string): Promise<MetadefProperty> {
    const property = await this.session.json('image', { method: 'GET', path: memberPath(namespace, 'properties', name) }, metadefPropertyGuard);
    return { ...property, name };
  }

  async create(namespace: string, property: Record<string, unknown>): Promise<MetadefProperty> {
    return this.session.json('image', { method: 'POST', path: `${namespacePath(namespace)}/properties`, json: property }, metadefPropertyGuard);
  }

  /** Replaces the property (its whole definition, possibly renamed). */
  async replace(namespace: string, name: string, property: Record<string, unknown>): Promise<void> {
    await this.session.send('image', { method: 'PUT', path: memberPath(namespace, 'properties', name), json: property });
  }

  async delete(namespace: string, name: string): Promise<void> {
    await this.session.send('image', { method: 'DELETE', path: memberPath(namespace, 'properties', name) });
  }
}

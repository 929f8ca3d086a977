// Pieces the metadata-definition clients share: where a namespace lives, and the schemas Glance
// publishes for metadef records (glanceclient validates bodies against them before sending).
import { dict, obj, shape, str } from '../../../http/decode.js';
import type { Session } from '../../../session/session.js';

/** A metadefs schema as GET /v2/schemas/metadefs/<name> returns it (JSON Schema; the rest kept as sent). */
export interface MetadefSchema {
  name: string;
  properties: Record<string, Record<string, unknown>>;
  [keyword: string]: unknown;
}

const metadefSchemaGuard = shape<MetadefSchema>({ name: str, properties: dict(obj) });

/** GET /v2/schemas/metadefs/<name> ('namespace', 'resource_type', …). */
export function metadefSchema(session: Session, name: string): Promise<MetadefSchema> {
  return session.json('image', { method: 'GET', path: `/v2/schemas/metadefs/${encodeURIComponent(name)}` }, metadefSchemaGuard);
}

export function namespacePath(namespace: string): string {
  return `/v2/metadefs/namespaces/${encodeURIComponent(namespace)}`;
}

// GET /v2/schemas/image, kept on disk per endpoint for a while: every create/update validates
// against it, and it changes only when the cloud is upgraded or reconfigured.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, readOwnCacheFile, writeOwnCacheFile } from '../../cache-dir.js';
import { anyValue, bool, count, dict, either, list, num, optional, shape, str, type Guard } from '../../http/decode.js';
import type { Session } from '../../session/session.js';

export interface PropertySchema {
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  readOnly?: boolean;
  items?: PropertySchema;
  [keyword: string]: unknown;
}

export interface ImageSchema {
  name: string;
  properties: Record<string, PropertySchema>;
  additionalProperties?: PropertySchema | boolean;
  [keyword: string]: unknown;
}

/** Every model's schema (task, member, metadefs/namespace…) has the image schema's shape. */
export type ModelSchema = ImageSchema;

// Recursive (items): the guard refers to the shape by name, read when it runs.
const propertySchemaGuard: Guard<PropertySchema> = (value, at) => propertySchemaShape(value, at);

/** The keywords schema-check.ts reads; others (properties, required…) pass unchecked. */
const propertySchemaShape = shape<PropertySchema>({
  type: optional(either(str, list(str), 'a string or a list of strings')),
  description: optional(str),
  enum: optional(list(anyValue)),
  pattern: optional(str),
  maxLength: optional(count),
  minimum: optional(num),
  maximum: optional(num),
  readOnly: optional(bool),
  items: optional(propertySchemaGuard),
});

export const imageSchemaGuard = shape<ImageSchema>({
  name: str,
  properties: dict(propertySchemaGuard),
  additionalProperties: optional(either(propertySchemaGuard, bool, 'a schema or a boolean')),
});

const FRESH_MS = 60 * 60 * 1000;

export function defaultSchemaDir(env: NodeJS.ProcessEnv): string {
  return cacheDir(env, 'schemas');
}

export class SchemasApi {
  private image?: Promise<ImageSchema>;

  constructor(
    private readonly session: Session,
    private readonly dir: string = defaultSchemaDir(process.env),
    private readonly now: () => number = Date.now,
  ) {}

  /** The image schema: from the disk cache when fetched within the last hour, else from the server. */
  imageSchema(): Promise<ImageSchema> {
    this.image ??= this.load();
    return this.image;
  }

  /** Any schema the server publishes ('task', 'metadefs/namespace'…), fetched afresh: explain and task-create read it once. */
  get(name: string): Promise<ModelSchema> {
    const path = `/v2/schemas/${name.split('/').map(encodeURIComponent).join('/')}`;
    return this.session.json('image', { method: 'GET', path }, imageSchemaGuard);
  }

  private async load(): Promise<ImageSchema> {
    const useCache = this.session.credentials.cache;
    const file = join(
      this.dir,
      `image-${createHash('sha256')
        .update(await this.session.endpoint('image'))
        .digest('hex')
        .slice(0, 32)}.json`,
    );
    if (useCache) {
      const cached = readCached(file, this.now());
      if (cached) return cached;
    }
    const schema = await this.session.json('image', { method: 'GET', path: '/v2/schemas/image' }, imageSchemaGuard);
    if (useCache) writeCached(file, schema, this.now());
    return schema;
  }
}

interface CachedSchema {
  fetchedAt: number;
  schema: ImageSchema;
}

const cachedSchemaGuard = shape<CachedSchema>({ fetchedAt: num, schema: imageSchemaGuard });

/** Glance's image schema is about 6 KB; a cached one of more is not ours. */
const MAX_SCHEMA_BYTES = 1024 * 1024;

function readCached(file: string, now: number): ImageSchema | undefined {
  try {
    const entry = cachedSchemaGuard(JSON.parse(readOwnCacheFile(file, MAX_SCHEMA_BYTES)), '');
    if (now - entry.fetchedAt > FRESH_MS || now < entry.fetchedAt) return undefined;
    return entry.schema;
  } catch {
    return undefined; // missing, not ours (a link, another user's), corrupt or of another shape: fetch afresh and overwrite
  }
}

function writeCached(file: string, schema: ImageSchema, now: number): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
    writeOwnCacheFile(file, JSON.stringify({ fetchedAt: now, schema }));
  } catch {
    // A cache that cannot be written only costs one request.
  }
}

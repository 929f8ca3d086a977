// GET /v2/schemas/image, kept on disk per endpoint for a while: every create/update validates
// against it, and it changes only when the cloud is upgraded or reconfigured.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
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

const FRESH_MS = 60 * 60 * 1000;

export function defaultSchemaDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(base, 'openstack-classic-cli', 'schemas');
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

  private async load(): Promise<ImageSchema> {
    const useCache = this.session.credentials.cache;
    const file = join(this.dir, `image-${createHash('sha256').update(await this.session.endpoint('image')).digest('hex').slice(0, 32)}.json`);
    if (useCache) {
      const cached = readCached(file, this.now());
      if (cached) return cached;
    }
    const schema = await this.session.json<ImageSchema>('image', { method: 'GET', path: '/v2/schemas/image' });
    if (useCache) writeCached(file, schema, this.now());
    return schema;
  }
}

function readCached(file: string, now: number): ImageSchema | undefined {
  try {
    const entry = JSON.parse(readFileSync(file, 'utf8')) as { fetchedAt: number; schema: ImageSchema };
    if (typeof entry.fetchedAt !== 'number' || now - entry.fetchedAt > FRESH_MS || now < entry.fetchedAt) return undefined;
    return entry.schema?.properties ? entry.schema : undefined;
  } catch {
    return undefined; // missing or corrupt: fetch afresh and overwrite
  }
}

function writeCached(file: string, schema: ImageSchema, now: number): void {
  try {
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(tmp, JSON.stringify({ fetchedAt: now, schema }), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    // A cache that cannot be written only costs one request.
  }
}

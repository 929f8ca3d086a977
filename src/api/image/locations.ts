import { CliError } from '../../errors.js';
import type { Session } from '../../session/session.js';
import { imageGuard, imagePath, type Image, type Location } from './images.js';

/** What the server checks new data against when a location is added (all optional). */
export interface ValidationData {
  checksum?: string;
  os_hash_algo?: string;
  os_hash_value?: string;
}

/** A location request the client refuses before asking the server (unknown URL, locations hidden). */
export class LocationError extends CliError {
  constructor(message: string) {
    super(message);
    this.name = 'LocationError';
  }
}

type PatchOp = { op: 'add' | 'remove' | 'replace'; path: string; value?: unknown };

export class LocationsApi {
  constructor(private readonly session: Session) {}

  /**
   * Adds a location by URL. A refusal (store not allowed, host filtered, locations hidden)
   * comes back as the server's HttpError, whose message is the one-line reason.
   */
  async add(imageId: string, url: string, metadata: Record<string, unknown> = {}, validationData: ValidationData = {}): Promise<Image> {
    const value: Record<string, unknown> = { url, metadata };
    if (Object.keys(validationData).length > 0) value.validation_data = validationData;
    return this.patch(imageId, [{ op: 'add', path: '/locations/-', value }]);
  }

  /** Removes the locations with these URLs; every URL must be one of the image's. */
  async remove(imageId: string, urls: readonly string[]): Promise<Image> {
    const current = (await this.current(imageId)).map((l) => l.url);
    const unknown = [...new Set(urls)].filter((u) => !current.includes(u));
    if (unknown.length > 0) throw new LocationError(`Unknown URL(s): ${pythonList(unknown)}`);
    const indices = [...new Set(urls)].map((u) => current.indexOf(u)).sort((a, b) => b - a);
    return this.patch(
      imageId,
      indices.map((i) => ({ op: 'remove', path: `/locations/${i}` })),
    );
  }

  /** Replaces one location's metadata (the URL must already be a location of the image). */
  async update(imageId: string, url: string, metadata: Record<string, unknown>): Promise<Image> {
    const image = await this.image(imageId);
    const locations = locationsOf(image);
    const target = locations.find((l) => l.url === url);
    if (!target) throw new LocationError(`Unknown URL: ${url}, the URL must be one of existing locations of current image`);
    if (sameJson(target.metadata, metadata)) return image; // nothing to change: no PATCH, updated_at stays
    const value = locations.map((l) => (l.url === url ? { ...l, metadata } : l));
    return this.patch(imageId, [{ op: 'replace', path: '/locations', value }]);
  }

  private async current(imageId: string): Promise<Location[]> {
    return locationsOf(await this.image(imageId));
  }

  private async image(imageId: string): Promise<Image> {
    return this.session.json('image', { method: 'GET', path: imagePath(imageId) }, imageGuard);
  }

  private async patch(imageId: string, ops: readonly PatchOp[]): Promise<Image> {
    const req = { method: 'PATCH', path: imagePath(imageId), json: ops, headers: { 'Content-Type': 'application/openstack-images-v2.1-json-patch' } };
    return this.session.json('image', req, imageGuard);
  }
}

/** The image's locations (their shape checked by imageGuard), absent when the server hides them. */
function locationsOf(image: Image): Location[] {
  if (!Array.isArray(image.locations)) throw new LocationError('The administrator has disabled API access to image locations');
  return image.locations as Location[];
}

/** Deep equality of JSON values (key order ignored), as Python's == on dicts. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => k in b && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** How Python prints a list of strings: ['a', 'b']. */
function pythonList(items: readonly string[]): string {
  return `[${items.map((s) => `'${s}'`).join(', ')}]`;
}

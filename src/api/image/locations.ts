import { CliError } from '../../errors.js';
import type { Session } from '../../session/session.js';
import type { Image } from './images.js';

export interface Location {
  url: string;
  metadata: Record<string, unknown>;
}

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
    return this.patch(imageId, indices.map((i) => ({ op: 'remove', path: `/locations/${i}` })));
  }

  /** Replaces one location's metadata (the URL must already be a location of the image). */
  async update(imageId: string, url: string, metadata: Record<string, unknown>): Promise<Image> {
    const locations = await this.current(imageId);
    const target = locations.find((l) => l.url === url);
    if (!target) throw new LocationError(`Unknown URL: ${url}, the URL must be one of existing locations of current image`);
    const value = locations.map((l) => (l.url === url ? { ...l, metadata } : l));
    return this.patch(imageId, [{ op: 'replace', path: '/locations', value }]);
  }

  private async current(imageId: string): Promise<Location[]> {
    const image = await this.session.json<Image>('image', { method: 'GET', path: imagePath(imageId) });
    if (!Array.isArray(image.locations)) throw new LocationError('The administrator has disabled API access to image locations');
    return image.locations as Location[];
  }

  private async patch(imageId: string, ops: readonly PatchOp[]): Promise<Image> {
    return this.session.json<Image>('image', {
      method: 'PATCH',
      path: imagePath(imageId),
      json: ops,
      headers: { 'Content-Type': 'application/openstack-images-v2.1-json-patch' },
    });
  }
}

function imagePath(imageId: string): string {
  return `/v2/images/${encodeURIComponent(imageId)}`;
}

/** How Python prints a list of strings: ['a', 'b']. */
function pythonList(items: readonly string[]): string {
  return `[${items.map((s) => `'${s}'`).join(', ')}]`;
}

import { either, list, optional, shape, str, bool } from '../../http/decode.js';
import type { Session } from '../../session/session.js';

/**
 * One backend store as /v2/info/stores describes it. Glance sends its flags as the strings
 * "true" ("default", "read-only") though older releases sent booleans: both are taken.
 */
export interface StoreInfo {
  id: string;
  description?: string;
  default?: boolean | string;
  'read-only'?: boolean | string;
  [field: string]: unknown;
}

export interface StoresInfo {
  stores: StoreInfo[];
  [field: string]: unknown;
}

const flag = optional(either(bool, str, 'a boolean or a string'));

const storesGuard = shape<StoresInfo>({
  stores: list(shape<StoreInfo>({ id: str, description: optional(str), default: flag, 'read-only': flag })),
});

export class StoresApi {
  constructor(private readonly session: Session) {}

  /** The enabled stores; a cloud without multiple backends answers 404 (an HttpError). */
  async info(): Promise<StoresInfo> {
    return this.session.json('image', { method: 'GET', path: '/v2/info/stores' }, storesGuard);
  }

  /** Stores with their driver details (admin only). */
  async detail(): Promise<StoresInfo> {
    return this.session.json('image', { method: 'GET', path: '/v2/info/stores/detail' }, storesGuard);
  }

  /** Removes the image's data from one store (its other copies stay). */
  async deleteImage(storeId: string, imageId: string): Promise<void> {
    await this.session.send('image', { method: 'DELETE', path: `/v2/stores/${encodeURIComponent(storeId)}/${encodeURIComponent(imageId)}` });
  }
}

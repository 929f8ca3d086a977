import { bool, list, optional, shape, str } from '../../http/decode.js';
import type { Session } from '../../session/session.js';

/** One backend store as /v2/info/stores describes it. */
export interface StoreInfo {
  id: string;
  description?: string;
  default?: boolean;
  read_only?: boolean;
  [field: string]: unknown;
}

export interface StoresInfo {
  stores: StoreInfo[];
  [field: string]: unknown;
}

const storesGuard = shape<StoresInfo>({
  stores: list(shape<StoreInfo>({ id: str, description: optional(str), default: optional(bool), read_only: optional(bool) })),
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
}

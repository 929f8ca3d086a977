import { dict, num, nullable, optional, shape, wrapped } from '../../http/decode.js';
import type { Session } from '../../session/session.js';

/** One quota as GET /v2/info/usage reports it (Keystone unified limits; absent when none are set). */
export interface QuotaUsage {
  limit?: number | null;
  usage?: number | null;
  [field: string]: unknown;
}

const quotaUsageGuard = shape<QuotaUsage>({ limit: optional(nullable(num)), usage: optional(nullable(num)) });

export class UsageApi {
  constructor(private readonly session: Session) {}

  /** Quota name → limit and usage, in the server's order. */
  get(): Promise<Record<string, QuotaUsage>> {
    return this.session.json('image', { method: 'GET', path: '/v2/info/usage' }, wrapped('usage', dict(quotaUsageGuard)));
  }
}

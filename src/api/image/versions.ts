import { list, optional, shape, str } from '../../http/decode.js';
import type { Session } from '../../session/session.js';

/** GET /versions, as far as offers() reads it. */
interface VersionList {
  versions?: Array<{ id?: string; status?: string }>;
}

const versionListGuard = shape<VersionList>({
  versions: optional(list(shape<{ id?: string; status?: string }>({ id: optional(str), status: optional(str) }))),
});

/** The statuses python-glanceclient's has_version counts as offered. */
const OFFERED = ['SUPPORTED', 'CURRENT', 'EXPERIMENTAL'];

export class VersionsApi {
  constructor(private readonly session: Session) {}

  /**
   * Whether the server's version list offers this Images API microversion ('v2.12' image tasks,
   * 'v2.14' the cache API): the check python-glanceclient makes before those calls.
   */
  async offers(version: string): Promise<boolean> {
    const body = await this.session.json('image', { method: 'GET', path: '/versions' }, versionListGuard);
    const found = body.versions?.find((v) => v.id === version);
    return found !== undefined && OFFERED.includes(found.status ?? '');
  }
}

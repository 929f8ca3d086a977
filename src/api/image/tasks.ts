import { list, nullable, optional, shape, str, wrapped } from '../../http/decode.js';
import type { Session } from '../../session/session.js';
import { imagePath } from './images.js';

/** A Glance task (import, copy…): what GET /v2/images/{id}/tasks lists. */
export interface Task {
  id: string;
  type: string;
  status: 'pending' | 'processing' | 'success' | 'failure' | string;
  /** Glance's domain model makes it '' when unset; a task row written otherwise may hold null. */
  message: string | null;
  image_id?: string;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

export const taskGuard = shape<Task>({
  id: str,
  type: str,
  status: str,
  message: nullable(str),
  image_id: optional(str),
  created_at: str,
  updated_at: str,
});

/** GET /versions, as far as imageTasksOffered reads it. */
interface VersionList {
  versions?: Array<{ id?: string; status?: string }>;
}

const versionListGuard = shape<VersionList>({
  versions: optional(list(shape<{ id?: string; status?: string }>({ id: optional(str), status: optional(str) }))),
});

export class TasksApi {
  constructor(private readonly session: Session) {}

  /**
   * Whether the server's version list offers Images API v2.12 (image tasks), the check
   * python-glanceclient makes before asking for an image's tasks.
   */
  async imageTasksOffered(): Promise<boolean> {
    const body = await this.session.json('image', { method: 'GET', path: '/versions' }, versionListGuard);
    const v212 = body.versions?.find((version) => version.id === 'v2.12');
    return v212 !== undefined && ['SUPPORTED', 'CURRENT', 'EXPERIMENTAL'].includes(v212.status ?? '');
  }

  /** The tasks that worked on one image, in the server's order, as glanceclient prints them (Images API v2.12+). */
  async forImage(imageId: string): Promise<Task[]> {
    return this.session.json('image', { method: 'GET', path: `${imagePath(imageId)}/tasks` }, wrapped('tasks', list(taskGuard)));
  }
}

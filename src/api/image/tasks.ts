import type { Session } from '../../session/session.js';
import { imagePath } from './images.js';

/** A Glance task (import, copy…): what GET /v2/images/{id}/tasks lists. */
export interface Task {
  id: string;
  type: string;
  status: 'pending' | 'processing' | 'success' | 'failure' | string;
  message: string;
  image_id?: string;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

export class TasksApi {
  constructor(private readonly session: Session) {}

  /**
   * Whether the server's version list offers Images API v2.12 (image tasks), the check
   * python-glanceclient makes before asking for an image's tasks.
   */
  async imageTasksOffered(): Promise<boolean> {
    const body = await this.session.json<{ versions?: Array<{ id?: string; status?: string }> }>('image', { method: 'GET', path: '/versions' });
    const v212 = body.versions?.find((version) => version.id === 'v2.12');
    return v212 !== undefined && ['SUPPORTED', 'CURRENT', 'EXPERIMENTAL'].includes(v212.status ?? '');
  }

  /** The tasks that worked on one image, in the server's order, as glanceclient prints them (Images API v2.12+). */
  async forImage(imageId: string): Promise<Task[]> {
    return (await this.session.json<{ tasks: Task[] }>('image', { method: 'GET', path: `${imagePath(imageId)}/tasks` })).tasks;
  }
}

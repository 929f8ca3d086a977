import { list, nullable, optional, shape, str, wrapped } from '../../http/decode.js';
import type { Query, Session } from '../../session/session.js';
import { imagePath } from './images.js';
import { allPages } from './paging.js';

/** A Glance task (import, copy…): what GET /v2/tasks/{id} and /v2/images/{id}/tasks give. */
export interface Task {
  id: string;
  type: string;
  status: 'pending' | 'processing' | 'success' | 'failure' | string;
  /** Glance's domain model makes it '' when unset; a task row written otherwise may hold null. */
  message?: string | null;
  image_id?: string;
  owner?: string;
  created_at: string;
  updated_at: string;
  [field: string]: unknown;
}

export const taskGuard = shape<Task>({
  id: str,
  type: str,
  status: str,
  message: optional(nullable(str)),
  image_id: optional(str),
  owner: optional(str),
  created_at: str,
  updated_at: str,
});

export const taskPath = (id: string): string => `/v2/tasks/${encodeURIComponent(id)}`;

export class TasksApi {
  constructor(private readonly session: Session) {}

  /** The tasks that worked on one image, in the server's order, as glanceclient prints them (Images API v2.12+). */
  async forImage(imageId: string): Promise<Task[]> {
    return this.session.json('image', { method: 'GET', path: `${imagePath(imageId)}/tasks` }, wrapped('tasks', list(taskGuard)));
  }

  /** Every task the query selects (type, status, sort_key, sort_dir, limit = page size), all pages. */
  list(query: Query): Promise<Task[]> {
    return allPages(this.session, '/v2/tasks', 'tasks', taskGuard, query);
  }

  get(id: string): Promise<Task> {
    return this.session.json('image', { method: 'GET', path: taskPath(id) }, taskGuard);
  }

  /** Starts a task: POST /v2/tasks with its type and input. */
  create(type: string, input: unknown): Promise<Task> {
    return this.session.json('image', { method: 'POST', path: '/v2/tasks', json: { type, input } }, taskGuard);
  }
}

import { bool, list, nullable, optional, shape, str, wrapped } from '../../http/decode.js';
import type { Session } from '../../session/session.js';

export interface User {
  id: string;
  name: string;
  enabled: boolean;
  domain_id: string;
  email?: string | null;
  default_project_id?: string | null;
  [extra: string]: unknown;
}

export interface UserCreate {
  name: string;
  domain_id: string;
  password?: string;
  email?: string;
  enabled?: boolean;
  default_project_id?: string;
}

export type UserUpdate = Partial<Pick<UserCreate, 'name' | 'email' | 'enabled' | 'password'>>;

export const userGuard = shape<User>({
  id: str,
  name: str,
  enabled: bool,
  domain_id: str,
  email: optional(nullable(str)),
  default_project_id: optional(nullable(str)),
});
const one = wrapped('user', userGuard);

const path = (id: string): string => `/users/${encodeURIComponent(id)}`;

export class UsersApi {
  constructor(private readonly session: Session) {}

  async list(query: { name?: string; domain_id?: string } = {}): Promise<User[]> {
    return this.session.json('identity', { method: 'GET', path: '/users', query }, wrapped('users', list(userGuard)));
  }

  async get(id: string): Promise<User> {
    return this.session.json('identity', { method: 'GET', path: path(id) }, one);
  }

  async create(user: UserCreate): Promise<User> {
    return this.session.json('identity', { method: 'POST', path: '/users', json: { user } }, one);
  }

  async update(id: string, changes: UserUpdate): Promise<User> {
    return this.session.json('identity', { method: 'PATCH', path: path(id), json: { user: changes } }, one);
  }

  async delete(id: string): Promise<void> {
    await this.session.send('identity', { method: 'DELETE', path: path(id) });
  }

  /** A user changing their own password: Keystone checks the current one. */
  async changePassword(id: string, original: string, password: string): Promise<void> {
    await this.session.send('identity', { method: 'POST', path: `${path(id)}/password`, json: { user: { original_password: original, password } } });
  }
}

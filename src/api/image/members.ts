import { list, oneOf, optional, shape, str, wrapped } from '../../http/decode.js';
import type { Session } from '../../session/session.js';
import { imagePath } from './images.js';

export type MemberStatus = 'accepted' | 'rejected' | 'pending';
export const MEMBER_STATUSES: readonly MemberStatus[] = ['accepted', 'rejected', 'pending'];

/** A project an image is shared with. */
export interface Member {
  image_id: string;
  member_id: string;
  status: MemberStatus;
  created_at: string;
  updated_at: string;
  schema?: string;
}

export const memberGuard = shape<Member>({
  image_id: str,
  member_id: str,
  status: oneOf(MEMBER_STATUSES),
  created_at: str,
  updated_at: str,
  schema: optional(str),
});

export class MembersApi {
  constructor(private readonly session: Session) {}

  async list(imageId: string): Promise<Member[]> {
    return this.session.json('image', { method: 'GET', path: membersPath(imageId) }, wrapped('members', list(memberGuard)));
  }

  async get(imageId: string, memberId: string): Promise<Member> {
    return this.session.json('image', { method: 'GET', path: memberPath(imageId, memberId) }, memberGuard);
  }

  /** Shares the image with a project; the member starts out `pending`. */
  async create(imageId: string, memberId: string): Promise<Member> {
    return this.session.json('image', { method: 'POST', path: membersPath(imageId), json: { member: memberId } }, memberGuard);
  }

  async update(imageId: string, memberId: string, status: MemberStatus): Promise<Member> {
    return this.session.json('image', { method: 'PUT', path: memberPath(imageId, memberId), json: { status } }, memberGuard);
  }

  async delete(imageId: string, memberId: string): Promise<void> {
    await this.session.send('image', { method: 'DELETE', path: memberPath(imageId, memberId) });
  }
}

function membersPath(imageId: string): string {
  return `${imagePath(imageId)}/members`;
}

function memberPath(imageId: string, memberId: string): string {
  return `${membersPath(imageId)}/${encodeURIComponent(memberId)}`;
}

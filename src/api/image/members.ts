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

export class MembersApi {
  constructor(private readonly session: Session) {}

  async list(imageId: string): Promise<Member[]> {
    const body = await this.session.json<{ members: Member[] }>('image', { method: 'GET', path: membersPath(imageId) });
    return body.members;
  }

  async get(imageId: string, memberId: string): Promise<Member> {
    return this.session.json<Member>('image', { method: 'GET', path: memberPath(imageId, memberId) });
  }

  /** Shares the image with a project; the member starts out `pending`. */
  async create(imageId: string, memberId: string): Promise<Member> {
    return this.session.json<Member>('image', { method: 'POST', path: membersPath(imageId), json: { member: memberId } });
  }

  async update(imageId: string, memberId: string, status: MemberStatus): Promise<Member> {
    return this.session.json<Member>('image', { method: 'PUT', path: memberPath(imageId, memberId), json: { status } });
  }

  async delete(imageId: string, memberId: string): Promise<void> {
    await this.session.json('image', { method: 'DELETE', path: memberPath(imageId, memberId) });
  }
}

function membersPath(imageId: string): string {
  return `${imagePath(imageId)}/members`;
}

function memberPath(imageId: string, memberId: string): string {
  return `${membersPath(imageId)}/${encodeURIComponent(memberId)}`;
}

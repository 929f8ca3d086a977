import type { Session } from '../../session/session.js';
import { imagePath } from './images.js';

export class TagsApi {
  constructor(private readonly session: Session) {}

  /** Adds a tag (idempotent: an existing tag is left as it is). */
  async add(imageId: string, tag: string): Promise<void> {
    await this.session.send('image', { method: 'PUT', path: tagPath(imageId, tag) });
  }

  async remove(imageId: string, tag: string): Promise<void> {
    await this.session.send('image', { method: 'DELETE', path: tagPath(imageId, tag) });
  }
}

function tagPath(imageId: string, tag: string): string {
  return `${imagePath(imageId)}/tags/${encodeURIComponent(tag)}`;
}

import type { Session } from '../../session/session.js';
import { imagePath } from './images.js';

/** Admin actions that take an active image out of service and back (POST /actions/…). */
export class LifecycleApi {
  constructor(private readonly session: Session) {}

  async deactivate(imageId: string): Promise<void> {
    await this.action(imageId, 'deactivate');
  }

  async reactivate(imageId: string): Promise<void> {
    await this.action(imageId, 'reactivate');
  }

  private async action(imageId: string, name: 'deactivate' | 'reactivate'): Promise<void> {
    const res = await this.session.request('image', { method: 'POST', path: `${imagePath(imageId)}/actions/${name}`, idempotent: true });
    await res.body.dump();
  }
}

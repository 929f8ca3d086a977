// Glance v2, one module per resource. Returns typed records; never prints.
import type { Session } from '../../session/session.js';
import { ImagesApi } from './images.js';

export class ImageApi {
  readonly images: ImagesApi;

  constructor(readonly session: Session) {
    this.images = new ImagesApi(session);
  }
}

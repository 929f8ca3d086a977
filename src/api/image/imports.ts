// The interoperable image import workflow: stage data, start an import, wait for the outcome.
import { CliError } from '../../errors.js';
import type { ConnectionLane } from '../../http/wire.js';
import type { RequestBody } from '../../http/transport.js';
import { list, optional, shape, str } from '../../http/decode.js';
import type { Session } from '../../session/session.js';
import { imageGuard, imagePath, type Image } from './images.js';
import { TasksApi, type Task } from './tasks.js';

export type ImportMethod = 'glance-direct' | 'web-download' | 'copy-image' | 'glance-download';

export interface ImportOptions {
  method: ImportMethod | string;
  /** web-download: where the server fetches the data from. */
  uri?: string;
  /** Single target store (x-image-meta-store header). */
  store?: string;
  stores?: readonly string[];
  allStores?: boolean;
  /** With stores/allStores: let some stores fail (glanceclient's default, true). */
  allowFailure?: boolean;
  /** glance-download: the remote image. */
  remoteRegion?: string;
  remoteImageId?: string;
  remoteServiceInterface?: string;
}

/** GET /v2/info/import, as the server sends it. */
export interface ImportInfo {
  'import-methods': { description?: string; type?: string; value: string[] };
  [field: string]: unknown;
}

const importInfoGuard = shape<ImportInfo>({
  'import-methods': shape<ImportInfo['import-methods']>({ description: optional(str), type: optional(str), value: list(str) }),
});

export interface WaitOptions {
  timeoutMs: number;
  /** Pause between polls (default 1 s). */
  intervalMs?: number;
  /** Sees every poll's image (spinners, progress). */
  onPoll?: (image: Image) => void;
}

export class ImportsApi {
  private readonly tasks: TasksApi;

  constructor(private readonly session: Session) {
    this.tasks = new TasksApi(session);
  }

  async info(): Promise<ImportInfo> {
    return this.session.json('image', { method: 'GET', path: '/v2/info/import' }, importInfoGuard);
  }

  /** PUT /stage: data for a later glance-direct import. Content-Length is sent when the size is known. */
  async stage(imageId: string, body: RequestBody, size?: number, lane?: ConnectionLane): Promise<void> {
    const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
    if (size !== undefined) headers['Content-Length'] = String(size);
    const res = await this.session.request('image', { method: 'PUT', path: `${imagePath(imageId)}/stage`, body, headers, idempotent: false, lane });
    await res.body.dump();
  }

  /** POST /import: the server answers 202 and works in the background (see waitForActive). */
  async start(imageId: string, options: ImportOptions): Promise<void> {
    const res = await this.session.request('image', {
      method: 'POST',
      path: `${imagePath(imageId)}/import`,
      json: importBody(options),
      headers: options.store ? { 'x-image-meta-store': options.store } : {},
    });
    await res.body.dump();
  }

  /**
   * Polls the image until it is active. Rejects with the task's failure message when the import
   * fails (image back to queued/uploading, killed, or stores listed in os_glance_failed_import).
   */
  async waitForActive(imageId: string, options: WaitOptions): Promise<Image> {
    const deadline = Date.now() + options.timeoutMs;
    for (;;) {
      const image = await this.session.json('image', { method: 'GET', path: imagePath(imageId) }, imageGuard);
      options.onPoll?.(image);
      if (image.status === 'active') return image;
      const failure = await this.failure(image);
      if (failure !== undefined) throw new CliError(failure);
      if (Date.now() >= deadline) {
        throw new CliError(
          `Timed out after ${Math.round(options.timeoutMs / 1000)} s waiting for image ${imageId} to become active (status: ${image.status}).`,
        );
      }
      // The global timer, not node:timers/promises: that module would load with every image command.
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1000));
    }
  }

  /** The failure message when this image's import has failed, else undefined (still going). */
  private async failure(image: Image): Promise<string | undefined> {
    const failedStores = typeof image.os_glance_failed_import === 'string' ? image.os_glance_failed_import : '';
    const gone = image.status === 'killed' || image.status === 'deleted';
    // While 'importing' the task is running; only a resting state can hide a failed task.
    if (image.status === 'importing' && !failedStores) return undefined;
    const task = importTask(image, await this.tasks.forImage(image.id));
    if (task?.status === 'failure') return task.message || `Import of image ${image.id} failed (task ${task.id}).`;
    if (gone) return `Import of image ${image.id} failed: the image is ${image.status}.`;
    // A multi-store Glance names the failed store before its task ends: wait for the task's own message.
    if (task && task.status !== 'success') return undefined;
    if (failedStores) return `Import of image ${image.id} failed for store(s) ${failedStores}.`;
    return undefined;
  }
}

function importBody(o: ImportOptions): Record<string, unknown> {
  const method: Record<string, unknown> = { name: o.method };
  if (o.uri !== undefined) method.uri = o.uri;
  if (o.remoteRegion !== undefined && o.remoteImageId !== undefined) {
    if (o.remoteServiceInterface) method.glance_service_interface = o.remoteServiceInterface;
    method.glance_region = o.remoteRegion;
    method.glance_image_id = o.remoteImageId;
  }
  const body: Record<string, unknown> = { method };
  const allowFailure = o.allowFailure ?? true;
  if (o.stores && o.stores.length > 0) {
    body.stores = o.stores;
    if (allowFailure) body.all_stores_must_succeed = false;
  }
  if (o.allStores) {
    body.all_stores = true;
    if (allowFailure) body.all_stores_must_succeed = false;
  }
  return body;
}

/** The task Glance recorded on the image (os_glance_import_task), else the newest one. */
function importTask(image: Image, tasks: readonly Task[]): Task | undefined {
  return tasks.find((t) => t.id === image.os_glance_import_task) ?? tasks[tasks.length - 1];
}

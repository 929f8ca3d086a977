// The v1 ways of giving an image its data, shared by image-create and image-update: --file (or
// stdin, for image-create) uploaded, --location added as a location, --copy-from imported with
// web-download. A failure deletes the image only when this command created it.
import type { ImageApi } from '../../../api/image/index.js';
import type { Image } from '../../../api/image/images.js';
import { CliError, messageOf } from '../../../errors.js';
import type { Deps } from '../../deps.js';
import type { ImageDataFlags } from './image-flags.js';
import type { ImageSource } from './local-data-source.js';
import { checkStores } from './import-checks.js';
import { discardImage, uploadData } from './verified-upload.js';

const COPY_TIMEOUT_MS = 60 * 60 * 1000;

/** The one data flag given, checked at parse time: two of them is a usage error. */
export function checkOneDataSource(data: ImageDataFlags): void {
  const given = [data.file && '--file', data.location && '--location', data.copyFrom && '--copy-from'].filter(Boolean);
  if (given.length > 1) throw new CliError(`error: ${given.join(' and ')} both give the image data: use one.`);
}

/** glanceclient's on_data_require_fields: both formats are needed once data is given. */
export function requireFormats(fields: Record<string, unknown>, origin: string): void {
  const missing = ['disk_format', 'container_format']
    .filter((key) => fields[key] === undefined || fields[key] === null)
    .map((key) => `--${key.replace('_', '-')}`);
  if (missing.length > 0) throw new CliError(`error: Must provide ${missing.join(', ')} when using ${origin}.`);
}

/** Where uploaded data goes: --store, else OS_IMAGE_STORE, as in glanceclient. */
export function uploadStore(store: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  return store ?? env.OS_IMAGE_STORE;
}

/** The store data will be uploaded to must be one of the cloud's: checked before anything changes, as glanceclient does. */
export async function checkUploadStore(api: ImageApi, store: string | undefined, source: ImageSource | undefined, env: NodeJS.ProcessEnv): Promise<void> {
  const target = uploadStore(store, env);
  if (source && target) await checkStores(api, [target]);
}

/** Gives the image its data the way `data` says; returns the image as Glance then shows it. */
export async function attachData(
  deps: Deps,
  api: ImageApi,
  image: Image,
  data: ImageDataFlags,
  source: ImageSource | undefined,
  created: boolean,
): Promise<Image> {
  if (source)
    return uploadData(deps, api, image, source, {
      created,
      checksum: data.checksum,
      store: uploadStore(data.store, deps.env),
      progress: data.progress,
      size: data.size,
    });
  if (data.location) return addLocation(api, image, data.location, data.checksum, created);
  if (data.copyFrom) return copyFrom(deps, api, image, data.copyFrom, created);
  return image;
}

async function failure(api: ImageApi, image: Image, problem: string, created: boolean): Promise<never> {
  throw new CliError(created ? `${problem}; ${await discardImage(api, image)}.` : `${problem}.`);
}

async function addLocation(api: ImageApi, image: Image, url: string, checksum: string | undefined, created: boolean): Promise<Image> {
  try {
    return await api.locations.add(image.id, url, {}, checksum ? { checksum } : {});
  } catch (err) {
    return failure(api, image, `Glance refused the location ${url}: ${messageOf(err)}`, created);
  }
}

/** v1 --copy-from: a web-download import, waited for (with a spinner on a terminal). */
async function copyFrom(deps: Deps, api: ImageApi, image: Image, uri: string, created: boolean): Promise<Image> {
  const spinner = await deps.spinner(`Copying ${uri} into image ${image.id}`);
  const forget = created
    ? deps.onInterrupt(async () => {
        spinner?.stop();
        deps.notice(`Copy interrupted: ${await discardImage(api, image)}.`);
      })
    : () => undefined;
  try {
    await api.imports.start(image.id, { method: 'web-download', uri });
    const active = await api.imports.waitForActive(image.id, {
      timeoutMs: COPY_TIMEOUT_MS,
      onPoll: (i) => spinner?.update(`Copying ${uri} into image ${image.id} (${i.status})`),
    });
    spinner?.succeed(`Copied ${uri}`);
    return active;
  } catch (err) {
    spinner?.fail();
    return await failure(api, image, `Copy from ${uri} failed: ${messageOf(err)}`, created);
  } finally {
    forget();
  }
}

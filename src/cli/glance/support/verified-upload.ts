// Sends image data and proves it arrived intact: the md5 and sha512 computed while streaming
// must equal what Glance recorded. A freshly created image whose upload failed, was cut short or
// was interrupted is deleted, and the message says so.
import type { ImageApi } from '../../../api/image/index.js';
import type { Image } from '../../../api/image/images.js';
import { CliError, messageOf } from '../../../errors.js';
import type { Deps } from '../../deps.js';
import type { ImageSource } from './local-data-source.js';

export interface UploadDataOptions {
  /** Delete the image when anything goes wrong (it was created by this command). */
  created: boolean;
  /** v1 --checksum: the MD5 the data must have. */
  checksum?: string;
  store?: string;
  progress: boolean;
  /** --size given by the user, when the data's size cannot be told. */
  size?: number;
}

/** Deletes an image this command created; says what happened, for the error message. */
export async function discardImage(api: ImageApi, image: Image): Promise<string> {
  try {
    await api.images.delete(image.id);
    return `image ${image.id} was deleted`;
  } catch (err) {
    return `deleting image ${image.id} failed too (${messageOf(err)}): delete it with 'glance image-delete ${image.id}'`;
  }
}

export async function uploadData(
  deps: Pick<Deps, 'notice' | 'progress' | 'onInterrupt'>,
  api: ImageApi,
  image: Image,
  source: ImageSource,
  options: UploadDataOptions,
): Promise<Image> {
  const fail = async (problem: string): Promise<never> => {
    const outcome = options.created ? `; ${await discardImage(api, image)}` : '';
    // The problem may be a server message with its own full stop.
    throw new CliError(`${problem.replace(/\.$/, '')}${outcome}.`);
  };
  const size = source.size ?? options.size;
  const bar = deps.progress(options.progress, size);
  const forget = options.created
    ? deps.onInterrupt(async () => {
        bar.done();
        deps.notice(`Upload interrupted: ${await discardImage(api, image)}.`);
      })
    : () => undefined;
  let sent;
  try {
    const data = source.path === undefined ? { stream: source.open() } : { file: source.path };
    sent = await api.data.upload(image.id, data, { size, store: options.store, onProgress: (n) => bar.advance(n) });
  } catch (err) {
    bar.done();
    forget();
    return fail(`Upload of image data failed: ${messageOf(err)}`);
  }
  bar.done();
  forget();
  const stored = await api.images.get(image.id);
  if (options.checksum !== undefined && options.checksum !== sent.md5) {
    return fail(`Checksum mismatch: --checksum ${options.checksum} but the uploaded data's MD5 is ${sent.md5}`);
  }
  if (stored.size !== sent.bytes || (stored.checksum && stored.checksum !== sent.md5)) {
    return fail(`Upload corrupted: sent ${sent.bytes} bytes with MD5 ${sent.md5}, Glance stored ${stored.size} bytes with MD5 ${stored.checksum}`);
  }
  if (stored.os_hash_algo === 'sha512' && stored.os_hash_value && stored.os_hash_value !== sent.sha512) {
    return fail(`Upload corrupted: the sha512 of the sent data differs from Glance's os_hash_value`);
  }
  return stored;
}

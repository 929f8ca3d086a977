import type { ImageApi } from '../../api/image/index.js';
import type { Image } from '../../api/image/images.js';
import { CliError, ConnectionError } from '../../errors.js';
import { command } from '../command.js';
import type { Deps } from '../deps.js';
import { onInterrupt } from '../interrupt.js';
import { IMAGE_DATA_OPTIONS, IMAGE_PROPERTY_OPTIONS, parseImageDataFlags, parseImageFlags, type ImageDataFlags } from './image-flags.js';
import { imageSource, type ImageSource } from './image-source.js';
import { checkStores } from './import-checks.js';
import { checkImageFields } from './schema-check.js';
import { discardImage, uploadData } from './upload-data.js';
import { printImage } from './views.js';

export interface Options {
  fields: Record<string, unknown>;
  data: ImageDataFlags;
}

const COPY_TIMEOUT_MS = 60 * 60 * 1000;

/** glanceclient's on_data_require_fields: both formats are needed once data is given. */
export function requireFormats(fields: Record<string, unknown>, origin: string): void {
  const missing = ['disk_format', 'container_format'].filter((key) => fields[key] === undefined).map((key) => `--${key.replace('_', '-')}`);
  if (missing.length > 0) throw new CliError(`error: Must provide ${missing.join(', ')} when using ${origin}.`);
}

async function discardAfter(api: ImageApi, image: Image, problem: string): Promise<never> {
  throw new CliError(`${problem}; ${await discardImage(api, image)}.`);
}

/**
 * POST /v2/images is never retried, so when its answer is lost the image may exist anyway: say so
 * and how to look. HTTP error answers (the server said no) keep their own message.
 */
async function createImage(api: ImageApi, fields: Record<string, unknown>): Promise<Image> {
  try {
    return await api.images.create(fields);
  } catch (err) {
    if (!(err instanceof ConnectionError)) throw err;
    const name = typeof fields.name === 'string' ? fields.name : undefined;
    const check = name === undefined ? 'glance image-list' : `glance image-list --name ${shellQuote(name)}`;
    throw new CliError(`${err.message}. The image may have been created anyway (the create request is not retried): check with \`${check}\` before trying again.`);
  }
}

/** The name as a shell word, so the suggested command can be pasted. */
function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

async function addLocation(api: ImageApi, image: Image, url: string, checksum?: string): Promise<Image> {
  try {
    return await api.locations.add(image.id, url, {}, checksum ? { checksum } : {});
  } catch (err) {
    return discardAfter(api, image, `Glance refused the location ${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** v1 --copy-from: a web-download import, waited for (with a spinner on a terminal). */
async function copyFrom(deps: Deps, api: ImageApi, image: Image, uri: string): Promise<Image> {
  const spinner = deps.tty.stderr ? (await import('ora')).default({ text: `Copying ${uri} into image ${image.id}`, stream: process.stderr }).start() : undefined;
  const forget = onInterrupt(async () => {
    spinner?.stop();
    process.stderr.write(`Copy interrupted: ${await discardImage(api, image)}.\n`);
  });
  try {
    await api.imports.start(image.id, { method: 'web-download', uri });
    const active = await api.imports.waitForActive(image.id, { timeoutMs: COPY_TIMEOUT_MS, onPoll: (i) => spinner && (spinner.text = `Copying ${uri} into image ${image.id} (${i.status})`) });
    spinner?.succeed(`Copied ${uri}`);
    return active;
  } catch (err) {
    spinner?.fail();
    return await discardAfter(api, image, `Copy from ${uri} failed: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    forget();
  }
}

export const imageCreate = command<Options>({
  spec: {
    name: 'image-create',
    summary: 'Create a new image (upload its data from --file or stdin, or take it from --location / --copy-from).',
    example: 'glance image-create --name "fedora-19" --is-public True --disk-format qcow2 --container-format bare --file /data/fedora-19.x86_64.qcow2',
    options: [...IMAGE_PROPERTY_OPTIONS, ...IMAGE_DATA_OPTIONS],
    output: 'record',
  },
  parse({ opts }) {
    const data = parseImageDataFlags(opts);
    const sources = [data.file && '--file', data.location && '--location', data.copyFrom && '--copy-from'].filter(Boolean);
    if (sources.length > 1) throw new CliError(`error: ${sources.join(' and ')} both give the image data: use one.`);
    return { fields: parseImageFlags(opts).fields, data };
  },
  async run(options, deps) {
    const { fields, data } = options;
    const remote = data.location ?? data.copyFrom;
    const source: ImageSource | undefined = remote === undefined ? imageSource(data.file, deps) : undefined;
    const origin = source?.origin ?? (data.location ? '--location' : data.copyFrom ? '--copy-from' : undefined);
    if (origin) requireFormats(fields, origin);
    const store = data.store ?? deps.env.OS_IMAGE_STORE;
    if (data.store && !source) throw new CliError('--store option should only be provided with --file option or stdin.');
    const api = await deps.image();
    if (source && store) await checkStores(api, [store]); // before anything is created, as glanceclient does
    checkImageFields(await api.schemas.imageSchema(), fields);
    let image = await createImage(api, fields);
    if (source) image = await uploadData(deps, api, image, source, { created: true, checksum: data.checksum, store, progress: data.progress, size: data.size });
    else if (data.location) image = await addLocation(api, image, data.location, data.checksum);
    else if (data.copyFrom) image = await copyFrom(deps, api, image, data.copyFrom);
    printImage(deps, image, { humanReadable: data.humanReadable });
  },
});

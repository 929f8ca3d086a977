import type { ImageApi } from '../../../api/image/index.js';
import type { Image } from '../../../api/image/images.js';
import { CliError, ConnectionError } from '../../../errors.js';
import { command } from '../../command.js';
import { checkImageData, fieldsBeforeInspection } from '../support/content-check.js';
import { attachData, checkOneDataSource, checkUploadStore, requireFormats, uploadStore } from '../support/data-flags-step.js';
import { checkedDataFlags, IMAGE_DATA_FLAGS, IMAGE_PROPERTY_FLAGS, parseImageFlags, type ImageDataFlags } from '../support/image-flags.js';
import { imageSource, type ImageSource } from '../support/local-data-source.js';
import { checkSchemaFields } from '../support/schema-check.js';
import { printImage } from '../support/image-views.js';

export interface Options {
  fields: Record<string, unknown>;
  data: ImageDataFlags;
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
    throw new CliError(
      `${err.message}. The image may have been created anyway (the create request is not retried): check with \`${check}\` before trying again.`,
    );
  }
}

/** The name as a shell word, so the suggested command can be pasted. */
function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

export const imageCreate = command({
  spec: {
    name: 'image-create',
    summary: 'Create a new image (upload its data from --file or stdin, or take it from --location / --copy-from).',
    example: 'glance image-create --name "fedora-19" --is-public True --disk-format qcow2 --container-format bare --file /data/fedora-19.x86_64.qcow2',
    options: { ...IMAGE_PROPERTY_FLAGS, ...IMAGE_DATA_FLAGS },
    output: 'record',
  },
  parse({ flags }): Options {
    const data = checkedDataFlags(flags);
    checkOneDataSource(data);
    return { fields: parseImageFlags(flags).fields, data };
  },
  async run(options, deps) {
    const { fields, data } = options;
    const remote = data.location ?? data.copyFrom;
    const given: ImageSource | undefined = remote === undefined ? imageSource(data.file, deps) : undefined;
    const origin = given?.origin ?? (data.location ? '--location' : data.copyFrom ? '--copy-from' : undefined);
    if (origin) requireFormats(fields, origin);
    // OS_IMAGE_STORE counts as --store here too, as in glanceclient.
    if (uploadStore(data.store, deps.env) && !given) throw new CliError('--store option should only be provided with --file option or stdin.');
    const api = await deps.image();
    await checkUploadStore(api, data.store, given, deps.env);
    const schema = await api.schemas.imageSchema();
    checkSchemaFields(schema, fieldsBeforeInspection(fields));
    const declared = typeof fields.disk_format === 'string' ? fields.disk_format : undefined;
    const { source, diskFormat } = await checkImageData(deps, { source: given, url: remote, declared }, data);
    const toCreate = diskFormat === undefined ? fields : { ...fields, disk_format: diskFormat };
    if (toCreate !== fields) checkSchemaFields(schema, toCreate);
    const image = await attachData(deps, api, await createImage(api, toCreate), data, source, true);
    printImage(deps, image, { humanReadable: data.humanReadable });
  },
});

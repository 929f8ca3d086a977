import type { ImageApi } from '../../../api/image/index.js';
import type { Image } from '../../../api/image/images.js';
import { CliError, ConnectionError } from '../../../errors.js';
import { command } from '../../command.js';
import { AUTO_DISK_FORMAT, checkImageData, fieldsBeforeInspection } from '../support/content-check.js';
import { attachData, checkOneDataSource, checkUploadStore, requireFormats, uploadStore } from '../support/data-flags-step.js';
import { checkedDataFlags, IMAGE_DATA_FLAGS, IMAGE_PROPERTY_FLAGS, parseImageFlags, type ImageDataFlags } from '../support/image-flags.js';
import { imageSource, type ImageSource } from '../support/local-data-source.js';
import { checkSchemaFields } from '../support/schema-check.js';
import { printImage } from '../support/image-views.js';
import { openstackSdkProperties } from '../../../api/image/reuse.js';
import {
  CREATE_CHECKSUM_FLAG,
  checkStoredData,
  knownData,
  parseReuse,
  REUSE_FLAGS,
  type ReuseOptions,
  reusableImage,
  reuseQuery,
  rotateOlder,
  upstreamChecksum,
} from '../support/reuse-existing.js';

export interface Options {
  fields: Record<string, unknown>;
  data: ImageDataFlags;
  /** --reuse-existing (and --rotate, --checksum <algorithm>:<hex>). */
  reuse?: ReuseOptions;
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
    options: { ...IMAGE_PROPERTY_FLAGS, ...IMAGE_DATA_FLAGS, checksum: CREATE_CHECKSUM_FLAG, ...REUSE_FLAGS },
    output: 'record',
  },
  parse({ flags }): Options {
    const named = upstreamChecksum(flags.checksum);
    // An md5 in either spelling is also the v1 --checksum the upload is checked against.
    const data = checkedDataFlags(named ? { ...flags, checksum: named.algorithm === 'md5' ? named.hex : undefined } : flags);
    checkOneDataSource(data);
    const { fields } = parseImageFlags(flags);
    const upstream = named ?? (data.checksum ? { algorithm: 'md5' as const, hex: data.checksum } : undefined);
    const { reuseExisting, rotate, copyFrom, location } = { ...flags, ...data };
    const reuse = parseReuse({ reuseExisting, rotate, name: fields.name, upstream, url: copyFrom, urlFlag: '--copy-from', location });
    return { fields, data, reuse };
  },
  async run(options, deps) {
    const { fields, data, reuse } = options;
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
    // Reuse is looked for before the data is inspected (a re-run reads nothing), unless the format is to be detected.
    const known = reuse && (await knownData(deps, given, reuse));
    const lookUp = (diskFormat: string | undefined): Promise<Image | undefined> =>
      known ? reusableImage(deps, api, reuseQuery(fields, diskFormat, known)) : Promise.resolve(undefined);
    let image = declared === AUTO_DISK_FORMAT ? undefined : await lookUp(declared);
    if (!image) {
      const { source, diskFormat } = await checkImageData(deps, { source: given, url: remote, declared }, data);
      if (declared === AUTO_DISK_FORMAT) image = await lookUp(diskFormat);
      if (!image) {
        const extra = known ? openstackSdkProperties(String(fields.name), known) : {};
        const toCreate =
          diskFormat === undefined && !known ? fields : { ...fields, ...extra, ...(diskFormat === undefined ? {} : { disk_format: diskFormat }) };
        if (toCreate !== fields) checkSchemaFields(schema, toCreate);
        image = await attachData(deps, api, await createImage(api, toCreate), data, source, true);
        if (known) await checkStoredData(api, image, known, given?.path ?? String(remote));
      }
    }
    const failures = reuse?.rotate ? await rotateOlder(deps, api, image, reuse.rotate) : [];
    printImage(deps, image, { humanReadable: data.humanReadable });
    if (failures.length > 0) throw new CliError(`Rotation incomplete: ${failures.join('; ')}.`);
  },
});

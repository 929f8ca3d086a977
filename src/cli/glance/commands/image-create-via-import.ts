import type { Image } from '../../../api/image/images.js';
import type { ImageApi } from '../../../api/image/index.js';
import { CliError, messageOf, UsageError } from '../../../errors.js';
import type { Deps } from '../../deps.js';
import { command } from '../../command.js';
import { notInGlanceclient, presence, text } from '../../flags/flag.js';
import { AUTO_DISK_FORMAT, CONTENT_CHECK_FLAGS, checkImageData, fieldsBeforeInspection } from '../support/content-check.js';
import { requireFormats } from '../support/data-flags-step.js';
import { IMAGE_PROPERTY_FLAGS, parseImageFlags } from '../support/image-flags.js';
import { importRequest, type Options as ImportFlags } from './image-import.js';
import { imageSource, type ImageSource } from '../support/local-data-source.js';
import { checkMethod, checkStores, importMethods, importTargetFlags, parseStoreChoice, type StoreChoice } from '../support/import-checks.js';
import { stageData } from './image-stage.js';
import { checkSchemaFields } from '../support/schema-check.js';
import { discardImage } from '../support/verified-upload.js';
import { printImage } from '../support/image-views.js';
import { openstackSdkProperties } from '../../../api/image/reuse.js';
import {
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

/** How long --reuse-existing waits for the import to make the image active (its data is checked, older images rotated, only then). */
const IMPORT_TIMEOUT_MS = 60 * 60 * 1000;

export interface Options extends Omit<ImportFlags, 'image' | 'method'> {
  fields: Record<string, unknown>;
  file?: string;
  progress: boolean;
  /** --import-method; its env default (OS_IMAGE_IMPORT_METHOD) is read in run. */
  method?: string;
  reuse?: ReuseOptions;
}

/** glanceclient's per-method checks on the data sources, in its order and words. */
function checkSources(method: string | undefined, o: Options, s: StoreChoice, source: ImageSource | undefined): void {
  const hasData = source !== undefined;
  if (method === undefined && o.uri) throw new CliError('You cannot use --uri without specifying an import method.');
  if (method === 'glance-direct') {
    for (const [given, flag] of [
      [s.store, '--store'],
      [s.stores, '--stores'],
      [s.allStores, '--all-stores'],
    ] as const) {
      if (given && !hasData) throw new CliError(`${flag} option should only be provided with --file option or stdin for the glance-direct import method.`);
    }
    if (o.uri) throw new CliError('You cannot specify a --uri with the glance-direct import method.');
    if (!hasData) throw new CliError('You must specify a --file or provide data via stdin for the glance-direct import method.');
  }
  if (method === 'web-download') {
    for (const [given, flag] of [
      [s.store, '--store'],
      [s.stores, '--stores'],
      [s.allStores, '--all-stores'],
    ] as const) {
      if (given && !o.uri) throw new CliError(`${flag} option should only be provided with --uri option for the web-download import method.`);
    }
    if (!o.uri) throw new CliError("URI is required for web-download import method. Please use '--uri <uri>'.");
    if (source?.origin === '--file') throw new CliError('You cannot specify a --file with the web-download import method.');
    if (hasData) throw new CliError('You cannot pass data via stdin with the web-download import method.');
  }
  if (method === 'glance-download') {
    if (!(o.remoteRegion && o.remoteImageId)) {
      throw new CliError(
        'REMOTE GlANCE REGION and REMOTE IMAGE ID are required for glance-download import method. Please use --remote-region <region> and --remote-image-id <remote-image-id>.',
      );
    }
    if (o.uri) throw new CliError('You cannot specify a --uri with the glance-download import method.');
    if (source?.origin === '--file') throw new CliError('You cannot specify a --file with the glance-download import method.');
    if (hasData) throw new CliError('You cannot pass data via stdin with the glance-download import method.');
  }
}

/** Creates the image and starts its import; with --reuse-existing, waits until it is active. A failure deletes the image. */
async function createAndImport(
  deps: Deps,
  api: ImageApi,
  fields: Record<string, unknown>,
  method: string | undefined,
  source: ImageSource | undefined,
  options: Options,
  stores: StoreChoice,
  reuse: ReuseOptions | undefined,
): Promise<Image> {
  const image = await api.images.create(fields);
  if (!method) return image;
  // Waiting for the import can take long: Ctrl-C then leaves no half-made image.
  const forget = reuse ? deps.onInterrupt(async () => deps.notice(`Import interrupted: ${await discardImage(api, image)}.`)) : () => undefined;
  try {
    if (source) await stageData(deps, api, image.id, source, { progress: options.progress });
    await api.imports.start(image.id, importRequest({ ...options, image: image.id, method }, stores));
    return reuse ? await api.imports.waitForActive(image.id, { timeoutMs: IMPORT_TIMEOUT_MS }) : await api.images.get(image.id);
  } catch (err) {
    throw new CliError(`${messageOf(err)}; ${await discardImage(api, image)}.`);
  } finally {
    forget();
  }
}

export const imageCreateViaImport = command({
  spec: {
    name: 'image-create-via-import',
    summary: 'Create a new image via image import (glance-direct with --file or stdin, web-download with --uri).',
    example:
      'glance image-create-via-import --name fedora-19 --disk-format qcow2 --container-format bare --import-method web-download --uri http://example.com/fedora-19.qcow2',
    options: {
      ...IMAGE_PROPERTY_FLAGS,
      file: text('--file <FILE>', 'Local file with the image data (else stdin, when it is a pipe or a file).'),
      progress: presence('--progress', 'Show upload progress bar (stderr, terminal only).'),
      importMethod: text(
        '--import-method <METHOD>',
        'Import method (see import-info); env OS_IMAGE_IMPORT_METHOD; glance-direct when data is given, else only the record is created.',
      ),
      ...importTargetFlags('GLANCE_REGION'),
      ...CONTENT_CHECK_FLAGS,
      ...REUSE_FLAGS,
      checksum: notInGlanceclient(
        text(
          '--checksum <ALGORITHM:HEX>',
          'With --reuse-existing: sha256:, sha512: or md5: and the hex digits the data must have (a --uri is looked up by it)',
        ),
      ),
    },
    output: 'record',
  },
  parse: ({ flags }): Options => {
    const { fields } = parseImageFlags(flags);
    const { checksum } = flags;
    const upstream = upstreamChecksum(checksum === undefined || checksum.includes(':') ? checksum : `md5:${checksum}`);
    const reuse = parseReuse({ ...flags, name: fields.name, upstream, url: flags.uri, urlFlag: '--uri', checksumNeedsReuse: true });
    return {
      fields,
      reuse,
      file: flags.file,
      progress: flags.progress,
      method: flags.importMethod,
      uri: flags.uri,
      remoteRegion: flags.remoteRegion,
      remoteImageId: flags.remoteImageId,
      remoteServiceInterface: flags.remoteServiceInterface,
      store: flags.store,
      stores: flags.stores,
      allStores: flags.allStores,
      allowFailure: flags.allowFailure,
      noFormatCheck: flags.noFormatCheck,
      allowUnsafeImage: flags.allowUnsafeImage,
    };
  },
  async run(options, deps) {
    const given = imageSource(options.file, deps);
    // glanceclient's on_data_require_fields counts --uri as data too.
    if (given || options.uri) requireFormats(options.fields, given?.origin ?? '--uri');
    let method = options.method ?? deps.env.OS_IMAGE_IMPORT_METHOD;
    if (method === undefined && given) method = 'glance-direct';
    if (method === 'copy-image') throw new CliError("Import method 'copy-image' cannot be used while creating the image.");
    const api = await deps.image();
    if (method) checkMethod(method, await importMethods(api));
    const stores = parseStoreChoice(options, deps.env);
    await checkStores(api, [...(stores.store ? [stores.store] : []), ...(stores.stores ?? [])]);
    checkSources(method, options, stores, given);
    const schema = await api.schemas.imageSchema();
    checkSchemaFields(schema, fieldsBeforeInspection(options.fields));
    const declared = typeof options.fields.disk_format === 'string' ? options.fields.disk_format : undefined;
    const url = method === 'web-download' ? options.uri : undefined;
    const { reuse } = options;
    if (reuse && method !== 'glance-direct' && method !== 'web-download')
      throw new UsageError('error: --reuse-existing needs image data: --file (glance-direct) or --uri (web-download).');
    // As image-create: the lookup comes before the data is inspected, unless its format is to be detected.
    const known = reuse && (await knownData(deps, given, reuse));
    const name = String(options.fields.name);
    const lookUp = (diskFormat: string | undefined): Promise<Image | undefined> =>
      known ? reusableImage(deps, api, reuseQuery(options.fields, diskFormat, known)) : Promise.resolve(undefined);
    let image = declared === AUTO_DISK_FORMAT ? undefined : await lookUp(declared);
    if (!image) {
      const { source, diskFormat } = await checkImageData(deps, { source: given, url, declared }, options);
      if (declared === AUTO_DISK_FORMAT) image = await lookUp(diskFormat);
      if (!image) {
        const extra = known ? openstackSdkProperties(name, known) : {};
        const fields =
          diskFormat === undefined && !known
            ? options.fields
            : { ...options.fields, ...extra, ...(diskFormat === undefined ? {} : { disk_format: diskFormat }) };
        if (fields !== options.fields) checkSchemaFields(schema, fields);
        image = await createAndImport(deps, api, fields, method, source, options, stores, reuse);
        if (known) await checkStoredData(api, image, known, given?.path ?? String(url));
      }
    }
    const failures = reuse?.rotate ? await rotateOlder(deps, api, image, reuse.rotate) : [];
    printImage(deps, image);
    if (failures.length > 0) throw new CliError(`Rotation incomplete: ${failures.join('; ')}.`);
  },
});

import type { Image } from '../../../api/image/images.js';
import { CliError, messageOf } from '../../../errors.js';
import { command } from '../../command.js';
import { presence, text } from '../../flags/flag.js';
import { CONTENT_CHECK_FLAGS, checkImageData, fieldsBeforeInspection } from '../support/content-check.js';
import { requireFormats } from '../support/data-flags-step.js';
import { IMAGE_PROPERTY_FLAGS, parseImageFlags } from '../support/image-flags.js';
import { importRequest, type Options as ImportFlags } from './image-import.js';
import { imageSource, type ImageSource } from '../support/local-data-source.js';
import { checkMethod, checkStores, importMethods, importTargetFlags, parseStoreChoice, type StoreChoice } from '../support/import-checks.js';
import { stageData } from './image-stage.js';
import { checkSchemaFields } from '../support/schema-check.js';
import { discardImage } from '../support/verified-upload.js';
import { printImage } from '../support/image-views.js';

export interface Options extends Omit<ImportFlags, 'image' | 'method'> {
  fields: Record<string, unknown>;
  file?: string;
  progress: boolean;
  /** --import-method; its env default (OS_IMAGE_IMPORT_METHOD) is read in run. */
  method?: string;
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
    },
    output: 'record',
  },
  parse: ({ flags }): Options => ({
    fields: parseImageFlags(flags).fields,
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
  }),
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
    const { source, diskFormat } = await checkImageData(deps, { source: given, url, declared }, options);
    const fields = diskFormat === undefined ? options.fields : { ...options.fields, disk_format: diskFormat };
    if (fields !== options.fields) checkSchemaFields(schema, fields);

    let image: Image = await api.images.create(fields);
    if (method) {
      try {
        if (source) await stageData(deps, api, image.id, source, { progress: options.progress });
        await api.imports.start(image.id, importRequest({ ...options, image: image.id, method }, stores));
      } catch (err) {
        throw new CliError(`${messageOf(err)}; ${await discardImage(api, image)}.`);
      }
      image = await api.images.get(image.id);
    }
    printImage(deps, image);
  },
});

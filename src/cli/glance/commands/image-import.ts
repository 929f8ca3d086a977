import type { ImportOptions } from '../../../api/image/imports.js';
import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { text, withDefault } from '../../flags/flag.js';
import { checkMethod, checkStores, importMethods, importTargetFlags, parseStoreChoice, type ImportTarget, type StoreChoice } from '../support/import-checks.js';
import { printImage } from '../support/image-views.js';
import { CONTENT_CHECK_FLAGS, checkImageData, type ContentCheckFlags } from '../support/content-check.js';

export interface Options extends ImportTarget, ContentCheckFlags {
  image: string;
  method: string;
}

/** The image status each method starts from, with glanceclient's complaint otherwise. */
const REQUIRED_STATUS: Record<string, [string, string]> = {
  'glance-direct': ['uploading', "The 'glance-direct' import method can only be applied to an image in status 'uploading'"],
  'web-download': ['queued', "The 'web-download' import method can only be applied to an image in status 'queued'"],
  'copy-image': ['active', "The 'copy-image' import method can only be used on an image with status 'active'."],
};

/** glanceclient's checks, in its order, for what can be told without asking the image. */
function checkInputs(o: Options, s: StoreChoice): void {
  if (o.method === 'web-download' && !o.uri) throw new CliError('Provide URI for web-download import method.');
  if (o.uri && o.method !== 'web-download') throw new CliError("Import method should be 'web-download' if URI is provided.");
  if (o.method === 'glance-download' && !(o.remoteRegion && o.remoteImageId))
    throw new CliError("Provide REMOTE_IMAGE_ID and remote-region for 'glance-download' import method.");
  if (o.remoteRegion && o.method !== 'glance-download') throw new CliError("Import method should be 'glance-download' if REMOTE REGION is provided.");
  if (o.remoteImageId && o.method !== 'glance-download') throw new CliError("Import method should be 'glance-download' if REMOTE IMAGE ID is provided.");
  if (o.remoteServiceInterface && o.method !== 'glance-download')
    throw new CliError("Import method should be 'glance-download' if REMOTE SERVICE INTERFACE is provided.");
  if (o.method === 'copy-image' && !(s.stores || s.allStores)) throw new CliError("Provide either --stores or --all-stores for 'copy-image' import method.");
}

export function importRequest(o: Options, s: StoreChoice): ImportOptions {
  return {
    method: o.method,
    uri: o.uri,
    store: s.store,
    stores: s.stores,
    allStores: s.allStores,
    allowFailure: s.allowFailure,
    remoteRegion: o.remoteRegion,
    remoteImageId: o.remoteImageId,
    remoteServiceInterface: o.remoteServiceInterface,
  };
}

export const imageImport = command({
  spec: {
    name: 'image-import',
    summary: 'Initiate the image import taskflow.',
    example: 'glance image-import <IMAGE_ID> --import-method web-download --uri http://example.com/fedora-19.qcow2',
    args: { image: requiredArg('<IMAGE_ID>', 'ID of image to import.') },
    options: {
      importMethod: withDefault(
        text('--import-method <METHOD>', 'Import method (see import-info); "glance-direct" (the default) follows image-stage.'),
        'glance-direct',
      ),
      ...importTargetFlags('REMOTE_GLANCE_REGION'),
      ...CONTENT_CHECK_FLAGS,
    },
    output: 'record',
  },
  parse: ({ flags: { importMethod, ...target }, args }): Options => ({ image: args.image, method: importMethod, ...target }),
  async run(options, deps) {
    const stores = parseStoreChoice(options, deps.env);
    const api = await deps.image();
    await checkStores(api, [...(stores.store ? [stores.store] : []), ...(stores.stores ?? [])]);
    checkMethod(options.method, await importMethods(api));
    checkInputs(options, stores);
    const id = await deps.glance.imageId(api.images, options.image);
    const image = await api.images.get(id);
    if (!(image.container_format && image.disk_format)) {
      throw new CliError("The 'container_format' and 'disk_format' properties must be set on an image before it can be imported.");
    }
    const required = REQUIRED_STATUS[options.method];
    if (required && image.status !== required[0]) throw new CliError(required[1]);
    if (options.method === 'web-download') await checkImageData(deps, { url: options.uri, declared: image.disk_format }, options);
    await api.imports.start(id, importRequest(options, stores));
    printImage(deps, await api.images.get(id));
  },
});

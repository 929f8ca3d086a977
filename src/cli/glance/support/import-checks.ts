// What image-import and image-create-via-import check before asking Glance to import, with
// python-glanceclient 4.1.0's messages.
import type { ImageApi } from '../../../api/image/index.js';
import { CliError, HttpError } from '../../../errors.js';
import { parseBoolean } from '../../../config/boolean.js';
import { boolean, type FlagValues, text } from '../../flags/flag.js';

/** The import target flags both import commands take (glanceclient names the region metavar differently in each). */
export function importTargetFlags(regionMetavar: string) {
  return {
    uri: text('--uri <IMAGE_URL>', 'URI to download the external image (web-download).'),
    remoteRegion: text(`--remote-region <${regionMetavar}>`, 'Remote Glance region to download the image from (glance-download).'),
    remoteImageId: text('--remote-image-id <REMOTE_IMAGE_ID>', 'The ID of the image in the remote Glance (glance-download).'),
    remoteServiceInterface: text(
      '--remote-service-interface <REMOTE_SERVICE_INTERFACE>',
      'The remote Glance service interface (glance-download; default public).',
    ),
    store: text('--store <STORE>', 'Backend store to upload image to (env OS_IMAGE_STORE).'),
    stores: text('--stores <STORES>', 'Stores to upload image to if multi-stores import available. Comma separated list (env OS_IMAGE_STORES).'),
    allStores: boolean('--all-stores <True|False>', 'True to import into all available stores (instead of --stores).'),
    allowFailure: boolean(
      '--allow-failure <True|False>',
      'With --stores/--all-stores: True (default) lets some stores fail; False reverts the import if any fails (env OS_IMAGE_ALLOW_FAILURE).',
      { suggestions: ['True', 'False'] },
    ),
  };
}

/** What the import target flags parse into (store flags as given: their env defaults are read in run). */
export type ImportTarget = FlagValues<ReturnType<typeof importTargetFlags>>;

export interface StoreChoice {
  store?: string;
  stores?: string[];
  allStores?: boolean;
  allowFailure: boolean;
}

/** --store, --stores, --all-stores, --allow-failure (with their environment defaults). */
export function parseStoreChoice(target: ImportTarget, env: NodeJS.ProcessEnv): StoreChoice {
  const store = target.store ?? env.OS_IMAGE_STORE;
  const storesText = target.stores ?? env.OS_IMAGE_STORES;
  const { allStores } = target;
  const fromEnv = env.OS_IMAGE_ALLOW_FAILURE;
  const allowFailure = target.allowFailure ?? (fromEnv === undefined ? true : parseBoolean(fromEnv));
  if (allowFailure === undefined) throw new CliError(`OS_IMAGE_ALLOW_FAILURE must be True or False, not '${fromEnv}'.`);
  if ((store && (storesText || allStores)) || (storesText && allStores)) throw new CliError('Only one of --store, --stores and --all-stores can be provided');
  return { store: store || undefined, stores: storesText ? storesText.split(',') : undefined, allStores, allowFailure };
}

/** The import methods the cloud offers; a cloud without the workflow says so. */
export async function importMethods(api: ImageApi): Promise<string[]> {
  try {
    return (await api.imports.info())['import-methods'].value;
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) throw new CliError('Target Glance does not support Image Import workflow');
    throw err;
  }
}

export function checkMethod(method: string, methods: readonly string[]): void {
  if (!methods.includes(method)) {
    throw new CliError(`Import method '${method}' is not valid for this cloud. Valid values can be retrieved with import-info command.`);
  }
}

/** glanceclient's _validate_backend: a store must be one the cloud lists (no list: no check). */
export async function checkStores(api: ImageApi, stores: readonly string[]): Promise<void> {
  if (stores.length === 0) return;
  let enabled: string[];
  try {
    enabled = (await api.stores.info()).stores.map((s) => s.id);
  } catch (err) {
    if (err instanceof HttpError && err.status === 404) return;
    throw err;
  }
  for (const store of stores) {
    if (!enabled.includes(store)) throw new CliError(`Store '${store}' is not valid for this cloud. Valid values can be retrieved with stores-info command.`);
  }
}

// What image-import and image-create-via-import check before asking Glance to import, with
// python-glanceclient 4.1.0's messages.
import type { ImageApi } from '../../../api/image/index.js';
import { CliError, HttpError } from '../../../errors.js';
import type { OptionSpec } from '../../command.js';
import { parseBool } from './image-flags.js';

/** The import target flags both import commands take (glanceclient names the region metavar differently in each). */
export function importTargetOptions(regionMetavar: string): OptionSpec[] {
  return [
    { flags: '--uri <IMAGE_URL>', description: 'URI to download the external image (web-download).' },
    { flags: `--remote-region <${regionMetavar}>`, description: 'Remote Glance region to download the image from (glance-download).' },
    { flags: '--remote-image-id <REMOTE_IMAGE_ID>', description: 'The ID of the image in the remote Glance (glance-download).' },
    { flags: '--remote-service-interface <REMOTE_SERVICE_INTERFACE>', description: 'The remote Glance service interface (glance-download; default public).' },
    { flags: '--store <STORE>', description: 'Backend store to upload image to (env OS_IMAGE_STORE).' },
    { flags: '--stores <STORES>', description: 'Stores to upload image to if multi-stores import available. Comma separated list (env OS_IMAGE_STORES).' },
    { flags: '--all-stores <True|False>', description: 'True to import into all available stores (instead of --stores).' },
    { flags: '--allow-failure <True|False>', description: 'With --stores/--all-stores: True (default) lets some stores fail; False reverts the import if any fails (env OS_IMAGE_ALLOW_FAILURE).' },
  ];
}

/** What importTargetOptions parse into (store flags stay raw: their env defaults are read in run). */
export interface ImportTarget {
  uri?: string;
  remoteRegion?: string;
  remoteImageId?: string;
  remoteServiceInterface?: string;
  storeFlags: Record<string, unknown>;
}

export function parseImportTarget(opts: Record<string, unknown>): ImportTarget {
  return {
    uri: opts.uri as string | undefined,
    remoteRegion: opts.remoteRegion as string | undefined,
    remoteImageId: opts.remoteImageId as string | undefined,
    remoteServiceInterface: opts.remoteServiceInterface as string | undefined,
    storeFlags: { store: opts.store, stores: opts.stores, allStores: opts.allStores, allowFailure: opts.allowFailure },
  };
}

export interface StoreChoice {
  store?: string;
  stores?: string[];
  allStores?: boolean;
  allowFailure: boolean;
}

/** --store, --stores, --all-stores, --allow-failure (with their environment defaults). */
export function parseStoreChoice(opts: Record<string, unknown>, env: NodeJS.ProcessEnv): StoreChoice {
  const store = (opts.store as string | undefined) ?? env.OS_IMAGE_STORE;
  const storesText = (opts.stores as string | undefined) ?? env.OS_IMAGE_STORES;
  const allStores = opts.allStores === undefined ? undefined : parseBool('--all-stores', opts.allStores as string);
  const allowText = (opts.allowFailure as string | undefined) ?? env.OS_IMAGE_ALLOW_FAILURE;
  const allowFailure = allowText === undefined ? true : parseBool('--allow-failure', allowText);
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

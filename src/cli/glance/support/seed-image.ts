// One manifest entry seeded: inspected (unsafe or contradicting content refused before anything is
// made), its hashes known (a file's from the hash cache or one read pass; a URL's upstream checksum
// from the manifest), an image that already holds the data reused, else a new image created and
// its data sent: a file with a plain upload (in one read, hashed on the way, when nothing of its
// name exists: seed-upload.ts), a URL (or several stores) staged and imported only once the upstream
// checksum is verified (seed-staging.ts). Whatever goes wrong, the image made here is
// deleted, on SIGINT/SIGTERM/SIGHUP too; the result says what happened.
import type { ImageApi } from '../../../api/image/index.js';
import type { Image } from '../../../api/image/images.js';
import { activeImageNamed, findReusableImage, openstackSdkProperties, type ReusableImageQuery } from '../../../api/image/reuse.js';
import { CliError, messageOf } from '../../../errors.js';
import type { Checksum } from '../../../hashes/checksum.js';
import { fileIdentity, hashFile } from '../../../hashes/file-hashes.js';
import { HashCache } from '../../../hashes/hash-cache.js';
import { AUTO_DISK_FORMAT, checkImageData } from './content-check.js';
import { rotateOlder } from './reuse-existing.js';
import { type ImageSource, imageSource } from './local-data-source.js';
import { checkSchemaFields } from './schema-check.js';
import type { SeedEntry } from './seed-manifest.js';
import { checkUpstream, inManifestTerms, percentOf, progressLine, type Report, type SeedContext, sourceName } from './seed-common.js';
import { stageAndImport } from './seed-staging.js';
import { uploadHashing } from './seed-upload.js';
import { discardImage } from './verified-upload.js';
import { terminalText } from '../../../output/terminal-text.js';

export type SeedAction = 'created' | 'reused' | 'replaced' | 'failed';

export interface SeedResult {
  name: string;
  id?: string;
  action: SeedAction;
  size?: number;
  seconds: number;
  /** Why it failed (or, for an image made, why rotation failed). */
  problem?: string;
  /** What rotation did, one line each. */
  rotated: string[];
}

export async function seedImage(ctx: SeedContext, entry: SeedEntry, report: Report): Promise<SeedResult> {
  const started = ctx.now();
  const seconds = (): number => Math.round((ctx.now() - started) / 100) / 10;
  let made: Seeded;
  try {
    made = await seed(ctx, entry, report);
  } catch (err) {
    return { name: entry.name, action: 'failed', seconds: seconds(), problem: inManifestTerms(messageOf(err).split('\n')[0]!), rotated: [] };
  }
  const { image, reused } = made;
  const rotated: string[] = [];
  // Only once the image is active (rotateOlder checks): older images of the name hidden or deleted.
  const failures = ctx.rotate ? await rotateOlder({ notice: (text) => rotated.push(text) }, ctx.api, image, ctx.rotate).catch((err) => [messageOf(err)]) : [];
  const action = reused ? 'reused' : rotated.length > 0 ? 'replaced' : 'created';
  return { name: entry.name, id: image.id, action, size: image.size ?? undefined, seconds: seconds(), problem: failures[0], rotated };
}

async function seed(ctx: SeedContext, entry: SeedEntry, report: Report): Promise<Seeded> {
  const { deps, api } = ctx;
  const url = entry.source.kind === 'url' ? entry.source.url : undefined;
  // A URL with its checksum and format given is looked up before a byte of it is read.
  const known = url !== undefined && entry.diskFormat !== AUTO_DISK_FORMAT ? await upstreamMatch(api, entry, entry.diskFormat) : undefined;
  if (known) return { image: known, reused: true };
  report('inspecting');
  const local = entry.source.kind === 'file' ? imageSource(entry.source.path, deps) : undefined;
  const noticed: string[] = [];
  const checked = await checkImageData(
    { ...deps, notice: (text) => noticed.push(text) },
    { source: local, url, declared: entry.diskFormat },
    { noFormatCheck: false, allowUnsafeImage: false },
  );
  // A URL that cannot be read now will not be read for the copy either.
  if (noticed.length > 0) throw new CliError(noticed[0]!);
  const diskFormat = checked.diskFormat ?? entry.diskFormat;
  const fields = imageFields(entry, diskFormat);
  checkSchemaFields(ctx.schema, fields);
  const query: ReusableImageQuery = { name: entry.name, diskFormat, containerFormat: entry.containerFormat };

  const making = { ctx, entry, fields, query, report };
  return local?.path !== undefined ? seedFile(making, local, local.path) : seedUrl(making, diskFormat);
}

/** What the ways of filling an image share. */
interface Making {
  ctx: SeedContext;
  entry: SeedEntry;
  fields: Record<string, unknown>;
  query: ReusableImageQuery;
  report: Report;
}

type Seeded = { image: Image; reused: boolean };

async function seedFile({ ctx, entry, fields, query, report }: Making, local: ImageSource, path: string): Promise<Seeded> {
  const { api } = ctx;
  const size = local.size ?? 0;
  // Nothing to reuse and nothing to verify first: one read, hashing on the way (seed-upload.ts).
  const fresh = !entry.checksum && entry.stores.length <= 1 && !new HashCache(ctx.cacheDir).lookup(fileIdentity(path)) && !(await activeImageNamed(api, query));
  if (fresh) return { image: await created(ctx, fields, (image) => uploadHashing(ctx, entry, image, path, report)), reused: false };
  report('waiting to hash');
  const hashes = await ctx.hashInTurn(() => hashFile(path, { cacheDir: ctx.cacheDir, onProgress: percentOf('hashing', size, report) }));
  if (entry.checksum) checkUpstream(entry.checksum, hashes, sourceName(entry), ': nothing was created');
  const found = await findReusableImage(api, { ...query, hashAlgo: 'sha512', hashValue: hashes.sha512, md5: hashes.md5, sha256: hashes.sha256 });
  if (found) return { image: found.image, reused: true };
  const withSdk = { ...fields, ...openstackSdkProperties(entry.name, hashes) };
  if (entry.stores.length > 1) return { image: await created(ctx, withSdk, (image) => stageAndImport(ctx, entry, image, local, report)), reused: false };
  const image = await created(ctx, withSdk, async (made) => {
    // The file was hashed a moment ago: what Glance records for the bytes it got must be that.
    const progress = progressLine('uploading', size, report);
    await api.data.upload(made.id, { file: path }, { size, store: entry.stores[0], hash: false, lane: ctx.lane, onProgress: (n) => progress.advance(n) });
    const stored = await api.images.get(made.id);
    const sameHash = stored.os_hash_algo === 'sha512' ? stored.os_hash_value === hashes.sha512 : stored.checksum === hashes.md5;
    if (stored.status !== 'active' || stored.size !== hashes.size || !sameHash)
      throw new CliError(
        `${sourceName(entry)} changed after it was hashed (Glance got ${stored.size} bytes, ${stored.status}): seed it again once it is complete`,
      );
    return stored;
  });
  return { image, reused: false };
}

async function seedUrl({ ctx, entry, fields, query, report }: Making, diskFormat: string): Promise<Seeded> {
  const { api } = ctx;
  // A URL whose format had to be inspected: looked up by its checksum before it is downloaded.
  const found = entry.diskFormat === AUTO_DISK_FORMAT ? await upstreamMatch(api, entry, diskFormat) : undefined;
  if (found) return { image: found, reused: true };
  let reusedAfterAll: Image | undefined;
  const image = await created(ctx, fields, (made) =>
    stageAndImport(ctx, entry, made, undefined, report, async (hashes) => {
      // No upstream checksum: the data is known only once staged; an image holding it already is kept instead.
      const holder = await findReusableImage(api, { ...query, hashAlgo: 'sha512', hashValue: hashes.sha512, md5: hashes.md5, sha256: hashes.sha256 });
      reusedAfterAll = holder?.image;
      return holder === undefined;
    }),
  );
  return reusedAfterAll ? { image: reusedAfterAll, reused: true } : { image, reused: false };
}

/** The image's fields from the manifest: properties first, so a core field always wins. */
export function imageFields(entry: SeedEntry, diskFormat: string): Record<string, unknown> {
  return {
    ...entry.properties,
    name: entry.name,
    disk_format: diskFormat,
    container_format: entry.containerFormat,
    ...(entry.visibility !== undefined && { visibility: entry.visibility }),
    ...(entry.tags.length > 0 && { tags: entry.tags }),
    ...(entry.minDisk !== undefined && { min_disk: entry.minDisk }),
    ...(entry.minRam !== undefined && { min_ram: entry.minRam }),
  };
}

/** The image that holds a URL entry's data by its upstream checksum, if the entry has one. */
async function upstreamMatch(api: ImageApi, entry: SeedEntry, diskFormat: string): Promise<Image | undefined> {
  if (!entry.checksum) return undefined;
  const query = { name: entry.name, diskFormat, containerFormat: entry.containerFormat, ...upstreamQuery(entry.checksum) };
  return (await findReusableImage(api, query))?.image;
}

/** How an upstream checksum finds an image: Glance's own sha512, its md5, or openstacksdk's sha256 property. */
function upstreamQuery(checksum: Checksum): Partial<ReusableImageQuery> {
  if (checksum.algorithm === 'sha512') return { hashAlgo: 'sha512', hashValue: checksum.hex };
  return checksum.algorithm === 'md5' ? { md5: checksum.hex } : { sha256: checksum.hex };
}

/**
 * Creates the image and gives it its data with `fill`; the image is deleted when `fill` fails or
 * the process is interrupted. The clean-up is registered before the create request is sent, so an
 * image whose creation is under way when a signal comes is deleted as soon as it exists.
 */
async function created(ctx: SeedContext, fields: Record<string, unknown>, fill: (image: Image) => Promise<Image | undefined>): Promise<Image> {
  const { deps, api } = ctx;
  if (ctx.stopping()) throw new CliError('interrupted before it was created');
  const creating = api.images.create(fields);
  const forget = deps.onInterrupt(async () => {
    const image = await creating.catch(() => undefined);
    if (image) deps.notice(terminalText(`Seeding of ${image.name ?? image.id} interrupted: ${await discardImage(api, image)}.`));
  });
  try {
    const image = await creating;
    let filled: Image | undefined;
    try {
      filled = await fill(image);
    } catch (err) {
      throw new CliError(`${messageOf(err).replace(/\.$/, '')}; ${await discardImage(api, image)}`);
    }
    if (filled === undefined) await api.images.delete(image.id);
    return filled ?? image;
  } finally {
    forget();
  }
}

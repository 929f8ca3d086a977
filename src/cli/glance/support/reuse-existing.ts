// image-create --reuse-existing (issue 15, "never upload twice"): the data's hashes are known before
// anything is created (a --file hashed in one pass, cached by file identity; a URL by the upstream
// --checksum), an active image of the same name, formats and data in the project is printed instead
// of a new one, and a new one records openstacksdk's owner_specified.openstack.* properties so the
// SDK, Ansible and this CLI recognise each other's images. --rotate hides or deletes the older
// images of the name once the one printed is active.
import type { ImageApi } from '../../../api/image/index.js';
import type { Image } from '../../../api/image/images.js';
import { findReusableImage, olderImagesNamed, type ReusableImageQuery } from '../../../api/image/reuse.js';
import { CliError, messageOf, UsageError } from '../../../errors.js';
import { type Checksum, formatChecksum, parseChecksum } from '../../../hashes/checksum.js';
import { defaultHashCacheDir, hashFile } from '../../../hashes/file-hashes.js';
import type { Deps } from '../../deps.js';
import { choice, FlagValueError, noneInGlanceclient, notInGlanceclient, presence, text } from '../../flags/flag.js';
import type { ImageSource } from './local-data-source.js';
import { discardImage } from './verified-upload.js';
import { terminalText } from '../../../output/terminal-text.js';

export const ROTATE_MODES = ['hide', 'delete'] as const;
export type RotateMode = (typeof ROTATE_MODES)[number];

/** Ours alone: python-glanceclient uploads whatever it is given, every time. */
export const REUSE_FLAGS = noneInGlanceclient({
  reuseExisting: presence(
    '--reuse-existing',
    'Upload nothing when an active image of this name, formats and data is already in your project: print that one (the data is hashed first; hashes are cached)',
  ),
  rotate: choice(
    '--rotate <MODE>',
    'With --reuse-existing: once the image is active, hide (os_hidden) or delete the older images of its name in your project: hide or delete',
    ROTATE_MODES,
  ),
});

/** image-create's --checksum: the v1 MD5 check, and with --reuse-existing an upstream checksum of any of three algorithms. */
export const CREATE_CHECKSUM_FLAG = notInGlanceclient(
  text(
    '--checksum <CHECKSUM>',
    'v1: MD5 the uploaded data must have (on mismatch the image is deleted); with --reuse-existing also sha256:<hex>, sha512:<hex> or md5:<hex>, the upstream checksum (a --copy-from is looked up by it)',
  ),
);

export interface ReuseOptions {
  rotate?: RotateMode;
  /** --checksum <algorithm>:<hex>: what the data must hash to (a URL source is looked up by it). */
  upstream?: Checksum;
}

/** `--checksum` as image-create reads it: an upstream checksum when an algorithm is named, else the v1 MD5 (checked by checkedDataFlags). */
export function upstreamChecksum(text: string | undefined): Checksum | undefined {
  if (text === undefined || !text.includes(':')) return undefined;
  const parsed = parseChecksum(text);
  if ('problem' in parsed) throw new FlagValueError('--checksum', text, parsed.problem, 'use md5:, sha256: or sha512: and the hex digits');
  return parsed;
}

export interface ReuseFlagContext {
  reuseExisting: boolean;
  rotate?: RotateMode;
  name?: unknown;
  upstream?: Checksum;
  /** The URL flag given (--copy-from, --uri), if any. */
  url?: string;
  urlFlag: string;
  location?: string;
  /** The command's --checksum means nothing without --reuse-existing (image-create's is also the v1 MD5 check). */
  checksumNeedsReuse?: boolean;
}

/** The --reuse-existing options, or undefined without the flag; conflicting flags are a usage error. */
export function parseReuse(flags: ReuseFlagContext): ReuseOptions | undefined {
  const { reuseExisting, rotate, upstream } = flags;
  if (!reuseExisting) {
    if (rotate) throw new UsageError('error: --rotate needs --reuse-existing (rotation follows the reuse-or-create of an image by name).');
    if (upstream && flags.checksumNeedsReuse) throw new UsageError('error: --checksum needs --reuse-existing.');
    if (upstream && upstream.algorithm !== 'md5')
      throw new UsageError(`error: --checksum ${upstream.algorithm}:… needs --reuse-existing (without it only an MD5 is checked): add it, or give the MD5.`);
    return undefined;
  }
  if (typeof flags.name !== 'string' || flags.name === '') throw new UsageError('error: --reuse-existing needs --name (images are reused by name).');
  if (flags.location)
    throw new UsageError('error: --reuse-existing and --location conflict: Glance reads no data from a location, so there is nothing to reuse by.');
  if (flags.url !== undefined && !upstream)
    throw new UsageError(
      `error: --reuse-existing with ${flags.urlFlag} needs --checksum <sha256|sha512|md5>:<hex> (the upstream checksum the image is looked up by before anything is downloaded).`,
    );
  return { rotate, upstream };
}

/** What is known of the data before anything is created: hex digests. */
export interface KnownData {
  md5?: string;
  sha256?: string;
  sha512?: string;
}

/**
 * The data's hashes: a file's (hashed in one pass with a progress bar on a terminal, or from the
 * cache), checked against --checksum; else just the upstream checksum. Stdin is refused: it
 * cannot be read once to hash and again to upload.
 */
export async function knownData(
  deps: Pick<Deps, 'progress' | 'notice' | 'env' | 'globals' | 'tty'>,
  source: ImageSource | undefined,
  reuse: ReuseOptions,
): Promise<KnownData> {
  if (source && source.path === undefined)
    throw new UsageError('error: --reuse-existing needs the data in a file (--file): stdin cannot be read once to hash it and again to upload it.');
  if (!source) return reuse.upstream ? { [reuse.upstream.algorithm]: reuse.upstream.hex } : {};
  const path = source.path!;
  const bar = deps.progress(true, source.size);
  // Said only when the file is read (not on a cache hit), above the bar.
  let reading = false;
  const onProgress = (bytes: number): void => {
    if (!reading && deps.tty.stderr && source.size) deps.notice(`Hashing ${path}`);
    reading = true;
    bar.advance(bytes);
  };
  let hashes: Awaited<ReturnType<typeof hashFile>>;
  try {
    hashes = await hashFile(path, { cacheDir: defaultHashCacheDir(deps.env), onProgress });
  } finally {
    bar.done();
  }
  if (deps.globals.debug)
    deps.notice(`DEBUG: hashes of ${path} ${hashes.cached ? 'from the hash cache (file not read)' : `computed (${hashes.size} bytes read)`}`);
  const { upstream } = reuse;
  if (upstream && hashes[upstream.algorithm] !== upstream.hex)
    throw new CliError(`${path} does not match --checksum ${formatChecksum(upstream)}: its ${upstream.algorithm} is ${hashes[upstream.algorithm]}.`);
  return { md5: hashes.md5, sha256: hashes.sha256, sha512: hashes.sha512 };
}

/** The lookup for the image these create fields describe, holding data with these hashes (sha512 is what Glance records as os_hash_value unless its operator chose another algorithm). */
export function reuseQuery(fields: Record<string, unknown>, diskFormat: string | undefined, known: KnownData): ReusableImageQuery {
  const byHash = known.sha512 === undefined ? {} : { hashAlgo: 'sha512', hashValue: known.sha512 };
  const owner = typeof fields.owner === 'string' ? fields.owner : undefined;
  return {
    name: String(fields.name),
    owner,
    diskFormat: String(diskFormat),
    containerFormat: String(fields.container_format),
    ...byHash,
    md5: known.md5,
    sha256: known.sha256,
  };
}

/** The image to print instead of creating one (as Glance shows it now), said on stderr; else undefined. */
export async function reusableImage(deps: Pick<Deps, 'notice'>, api: ImageApi, query: ReusableImageQuery): Promise<Image | undefined> {
  const found = await findReusableImage(api, query);
  if (!found) return undefined;
  const image = await api.images.get(found.image.id);
  const by = found.matchedBy === 'openstacksdk' ? "openstacksdk's owner_specified.openstack properties" : `its ${found.matchedBy}`;
  // One line, whatever the name holds: a line break in it must not make a line of its own.
  deps.notice(terminalText(`Reused image ${query.name} (${image.id}): it already holds this data (matched by ${by}); nothing was uploaded.`));
  return image;
}

/**
 * The new image must hold the data that was hashed (a file may change between hashing and upload;
 * Glance checks an upstream checksum nowhere): Glance's md5 and sha512 must equal the known ones.
 * On a mismatch the image is deleted.
 */
export async function checkStoredData(api: ImageApi, image: Image, known: KnownData, what: string): Promise<void> {
  const wrong: string[] = [];
  if (known.md5 && image.checksum && image.checksum !== known.md5) wrong.push(`md5 ${image.checksum}, not ${known.md5}`);
  if (known.sha512 && image.os_hash_algo === 'sha512' && image.os_hash_value && image.os_hash_value !== known.sha512) wrong.push('a different sha512');
  if (wrong.length === 0) return;
  throw new CliError(`The data Glance stored for ${what} has ${wrong.join(' and ')}; ${await discardImage(api, image)}.`);
}

/**
 * Hides or deletes the images of this name in the project older than `kept` (never before `kept`
 * is active), saying each on stderr. Resolves to the failures, one line each.
 */
export async function rotateOlder(deps: Pick<Deps, 'notice'>, api: ImageApi, kept: Image, mode: RotateMode): Promise<string[]> {
  if (kept.status !== 'active') return [`image ${kept.id} is ${kept.status}, not active: nothing was rotated`];
  const failures: string[] = [];
  for (const old of await olderImagesNamed(api, kept, { hidden: mode === 'delete' })) {
    try {
      if (mode === 'delete') await api.images.delete(old.id);
      else await api.images.update(old.id, [{ op: 'replace', path: '/os_hidden', value: true }]);
      deps.notice(terminalText(`Rotated: ${mode === 'delete' ? 'deleted' : 'hid'} older image ${old.name} (${old.id}).`));
    } catch (err) {
      failures.push(`could not ${mode} older image ${old.id}: ${messageOf(err)}`);
    }
  }
  return failures;
}

// image-seed's verified path into Glance, for a URL (streamed straight from its server; no
// temporary file) or a file bound for several stores: the data is staged (PUT /stage) while it is
// hashed, the upstream checksum is compared, and only then is the image imported (glance-direct),
// so data that does not match never makes an active image: the staged image is deleted instead.
// Glance's os_hash_value of the imported image must be the sha512 of the bytes staged.
import { createHash } from 'node:crypto';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import type { Image } from '../../../api/image/images.js';
import { SDK_MD5, SDK_SHA256 } from '../../../api/image/reuse.js';
import { CliError, messageOf } from '../../../errors.js';
import type { FileHashes } from '../../../hashes/file-hashes.js';
import { formatRefusal, unsafeRefusal } from './content-check.js';
import { inspectLocal } from './inspected-data.js';
import type { ImageSource } from './local-data-source.js';
import { checkUpstream, progressLine, type Report, type SeedContext, sourceName } from './seed-common.js';
import type { SeedEntry } from './seed-manifest.js';

const IMPORT_TIMEOUT_MS = 60 * 60 * 1000;

/** md5, sha256 and sha512 of every byte passing through, and their count. */
class Hashes extends Transform {
  bytes = 0;
  private readonly md5 = createHash('md5');
  private readonly sha256 = createHash('sha256');
  private readonly sha512 = createHash('sha512');

  constructor(private readonly onChunk: (bytes: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    this.md5.update(chunk);
    this.sha256.update(chunk);
    this.sha512.update(chunk);
    this.onChunk(chunk.length);
    done(null, chunk);
  }

  digests(): FileHashes {
    return { size: this.bytes, md5: this.md5.digest('hex'), sha256: this.sha256.digest('hex'), sha512: this.sha512.digest('hex') };
  }
}

/**
 * Stages the data into `image`, verifies it, imports it and waits for it to be active. `keep` may
 * decide from the staged data's hashes that the image is not wanted after all: undefined is then
 * returned (the caller deletes the image).
 */
export async function stageAndImport(
  ctx: SeedContext,
  entry: SeedEntry,
  image: Image,
  local: ImageSource | undefined,
  report: Report,
  keep?: (hashes: FileHashes) => Promise<boolean>,
): Promise<Image | undefined> {
  const { api } = ctx;
  const { stream, size, failure } = local ? { stream: local.open(), size: local.size, failure: (err: Error) => err } : await download(ctx, entry, image);
  const progress = progressLine('staging', size ?? 0, report);
  const hashes = new Hashes((bytes) => progress.advance(bytes));
  stream.on('error', (err) => hashes.destroy(failure(err)));
  await api.imports.stage(image.id, stream.pipe(hashes), size, ctx.lane);
  const staged = hashes.digests();
  if (entry.checksum) checkUpstream(entry.checksum, staged, sourceName(entry));
  if (keep && !(await keep(staged))) return undefined;
  if (!local) {
    // As openstacksdk records them, now that they are known (a file's were given at creation).
    await api.images.update(image.id, [
      { op: 'add', path: `/${SDK_MD5}`, value: staged.md5 },
      { op: 'add', path: `/${SDK_SHA256}`, value: staged.sha256 },
    ]);
  }
  report('importing');
  await api.imports.start(image.id, { method: 'glance-direct', stores: entry.stores, allowFailure: false });
  const active = await api.imports.waitForActive(image.id, { timeoutMs: IMPORT_TIMEOUT_MS, intervalMs: 500 });
  if (active.size !== staged.size || (active.os_hash_algo === 'sha512' && active.os_hash_value !== staged.sha512))
    throw new CliError(`Glance imported other data than was staged (${active.size} bytes, ${active.os_hash_algo} ${active.os_hash_value})`);
  return active;
}

/**
 * The URL's data, its head inspected again as it arrives (the server may answer a whole GET otherwise
 * than a ranged one), and how a failure of it reads: the URL's, or the stage request would report it
 * as a broken connection to Glance.
 */
async function download(ctx: SeedContext, entry: SeedEntry, image: Image): Promise<{ stream: Readable; size?: number; failure: (err: Error) => Error }> {
  const url = entry.source.kind === 'url' ? entry.source.url : '';
  const name = sourceName(entry);
  const session = await ctx.deps.session();
  const remote = await session.openUrl(url);
  if (remote.kind === 'unavailable') throw new CliError(`cannot download ${name}: ${remote.reason}`);
  const { inspection, tailSeen, source } = await inspectLocal({ origin: 'stdin', open: () => remote.body, size: remote.size });
  const refusal = unsafeRefusal(name, inspection) ?? formatRefusal(name, image.disk_format ?? entry.diskFormat, { inspection, tailSeen });
  if (refusal) {
    remote.body.destroy();
    throw new CliError(refusal);
  }
  const failure = (err: Error): Error => new CliError(`the download of ${name} broke off (${brokenBecause(err, session.credentials.timeoutSeconds)})`);
  return { stream: source.open(), size: remote.size, failure };
}

function brokenBecause(err: Error, timeoutSeconds: number): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'BODY_TIMEOUT') return `nothing came for --timeout ${timeoutSeconds} s`;
  if (code === 'ECONNRESET') return 'the server closed the connection';
  return messageOf(err);
}

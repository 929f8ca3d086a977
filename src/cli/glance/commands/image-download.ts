import { getHashes } from 'node:crypto';
import { accessSync, constants, createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Image } from '../../../api/image/images.js';
import { CliError, HttpError, messageOf } from '../../../errors.js';
import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { notInGlanceclient, presence, text } from '../../flags/flag.js';
import { notRegularFile } from '../../../config/file-kind.js';

/** Python's hashlib names (what Glance's os_hash_algo holds) as Node spells them. */
function nodeHashName(algorithm: string): string {
  const name = algorithm.toLowerCase();
  return ({ blake2b: 'blake2b512', blake2s: 'blake2s256' } as Record<string, string>)[name] ?? name.replace(/_/g, '-');
}

/**
 * What the data must hash to, decided as glanceclient does: os_hash_value with os_hash_algo; when
 * that algorithm is unavailable, a refusal unless --allow-md5-fallback lets the md5 checksum serve;
 * else the md5 checksum; undefined when only a Content-MD5 header (if the server sends one) is left.
 */
function expectedHash(image: Image, allowMd5Fallback: boolean): { algorithm: string; value: string } | undefined {
  if (image.os_hash_value) {
    const algorithm = nodeHashName(image.os_hash_algo ?? '');
    if (getHashes().includes(algorithm)) return { algorithm, value: image.os_hash_value };
    if (!allowMd5Fallback) {
      throw new CliError(
        `unsupported hash type ${image.os_hash_algo}: the data of image ${image.id} cannot be verified, nothing was downloaded (--allow-md5-fallback verifies it against its md5 checksum instead)`,
      );
    }
  }
  if (image.checksum) return { algorithm: 'md5', value: image.checksum };
  return undefined;
}

/** Refuses a target the data could not be renamed onto, before any byte is fetched. */
function checkTarget(target: string): void {
  const dir = dirname(target);
  let dirStat;
  try {
    dirStat = statSync(dir);
  } catch {
    throw new CliError(`Cannot save the image as ${target}: the directory ${dir} does not exist.`);
  }
  if (!dirStat.isDirectory()) throw new CliError(`Cannot save the image as ${target}: ${dir} is not a directory.`);
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch {
    throw new CliError(`Cannot save the image as ${target}: no permission to write in the directory ${dir}.`);
  }
  let kind;
  try {
    kind = notRegularFile(statSync(target));
  } catch {
    return; // a new file
  }
  // Renaming the verified data onto a device or a FIFO would replace it, not write into it.
  if (kind)
    throw new CliError(`Cannot save the image as ${target}: it is ${kind}${kind === 'a directory' ? '' : ' (to write there, redirect stdout instead)'}.`);
}

const STREAM_CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large (file system or ulimit -f limit)',
  EACCES: 'permission denied',
  EROFS: 'read-only file system',
  BODY_TIMEOUT: 'the download stalled past the timeout (raise --timeout if the server is slow)',
  ECONNRESET: 'the connection was reset mid-download',
};

/** A failed data stream (disk or network) as one line that says nothing partial was kept. */
function downloadError(err: unknown, id: string, target: string | undefined): unknown {
  if (err instanceof CliError) return err;
  const code = (err as { code?: string }).code ?? '';
  const cause = STREAM_CAUSES[code] ?? messageOf(err);
  return new CliError(`Download of image ${id} failed: ${cause}${target ? `; nothing was saved as ${target}` : ''}.`);
}

/** glanceclient's words for an HTTP error reading the image or its data (a missing ID included). */
function unableToDownload(err: unknown, image: string): unknown {
  return err instanceof HttpError ? new CliError(`Unable to download image '${image}'. (${err.message})`) : err;
}

export const imageDownload = command({
  spec: {
    name: 'image-download',
    summary: 'Download an image (by name or ID), verified against its hash before it is kept.',
    example: 'glance image-download --file fedora-19.qcow2 fedora-19',
    args: { image: requiredArg('<IMAGE>', 'Name or ID of the image to download') },
    options: {
      file: text('--file <FILE>', 'Save the data here (written beside it first, renamed once verified); else stdout when redirected'),
      progress: presence('--progress', 'Show a progress bar on stderr (terminal only)'),
      allowMd5Fallback: presence(
        '--allow-md5-fallback',
        "When the image's os_hash_algo is unavailable here, verify the data against its md5 checksum instead of refusing (also OS_IMAGE_ALLOW_MD5_FALLBACK)",
      ),
      allowUnverified: notInGlanceclient(
        presence('--allow-unverified', 'Save the data even when the image has no hash, checksum or Content-MD5 to verify it against'),
      ),
    },
    output: 'none',
  },
  parse: ({ flags, args }) => ({ image: args.image, ...flags }),
  async run(options, deps) {
    if (options.file === undefined && deps.tty.stdout) {
      throw new CliError(
        'No redirection or local file specified for downloaded image data. Please specify a local file with --file to save downloaded image or redirect output to another source.',
      );
    }
    if (options.file !== undefined) checkTarget(options.file);
    const api = await deps.image();
    const image = await deps.glance.findImage(api.images, options.image).catch((err: unknown) => {
      throw unableToDownload(err, options.image);
    });
    const expected = expectedHash(image, options.allowMd5Fallback || Boolean(deps.env.OS_IMAGE_ALLOW_MD5_FALLBACK));
    let download;
    try {
      // md5 only when it is what we verify against (or Content-MD5 is all there is).
      const md5 = expected === undefined || expected.algorithm === 'md5';
      download = await api.data.download(image.id, expected?.algorithm === 'md5' ? 'sha512' : expected?.algorithm, undefined, md5);
    } catch (err) {
      throw unableToDownload(err, options.image);
    }
    if (!download) throw new CliError(`Image ${image.id} has no data.`);
    if (!expected && !download.contentMd5 && !options.allowUnverified) {
      download.stream.destroy();
      throw new CliError(
        `Image ${image.id} has no hash, checksum or Content-MD5 to verify its data against: nothing was downloaded (--allow-unverified saves it unchecked).`,
      );
    }
    const bar = deps.progress(options.progress, download.size ?? image.size ?? undefined);
    download.stream.on('data', (chunk: Buffer) => bar.advance(chunk.length));
    const target = options.file;
    const temp = target && join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.part`);
    const forget = temp
      ? deps.onInterrupt(() => {
          rmSync(temp, { force: true });
          deps.notice(`Download interrupted: the partial file ${temp} was removed; nothing was saved as ${target}.`);
        })
      : () => undefined;
    try {
      // A 1 MiB buffer lets the socket keep reading while the disk writes, and batches writes (writev):
      // with the 16 KiB default every 64 KiB network chunk stalls the download for its own write.
      await pipeline(download.stream, temp ? createWriteStream(temp, { flags: 'wx', mode: 0o644, highWaterMark: 1024 * 1024 }) : deps.rawStdout, {
        end: Boolean(temp),
      });
      bar.done();
      const { md5, multihash } = download.stream.digests();
      const actual = expected?.algorithm === 'md5' ? md5 : multihash;
      if (expected && actual !== expected.value) throw new CliError(`Corrupt image download. Hash was ${actual} expected ${expected.value}`);
      if (!expected && download.contentMd5 && Buffer.from(download.contentMd5, 'base64').toString('hex') !== md5 && download.contentMd5 !== md5) {
        throw new CliError(`Corrupt image download. Hash was ${md5} expected ${download.contentMd5}`);
      }
      if (temp) renameSync(temp, target!);
    } catch (err) {
      bar.done();
      if (temp) rmSync(temp, { force: true });
      throw downloadError(err, image.id, target);
    } finally {
      forget();
    }
  },
});

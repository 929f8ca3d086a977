import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Image } from '../../../api/image/images.js';
import { CliError, HttpError, messageOf } from '../../../errors.js';
import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { presence, text } from '../../flags/flag.js';

/** What the data must hash to: os_hash_value (os_hash_algo), else the md5 checksum. */
function expectedHash(image: Image): { algorithm: string; value: string } | undefined {
  if (image.os_hash_algo && image.os_hash_value) return { algorithm: image.os_hash_algo, value: image.os_hash_value };
  if (image.checksum) return { algorithm: 'md5', value: image.checksum };
  return undefined;
}

const STREAM_CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large (file system or ulimit -f limit)',
  EACCES: 'permission denied',
  EROFS: 'read-only file system',
  UND_ERR_BODY_TIMEOUT: 'the download stalled past the timeout (raise --timeout if the server is slow)',
  UND_ERR_SOCKET: 'the connection was closed mid-download',
  ECONNRESET: 'the connection was reset mid-download',
};

/** A failed data stream (disk or network) as one line that says nothing partial was kept. */
function downloadError(err: unknown, id: string, target: string | undefined): unknown {
  if (err instanceof CliError) return err;
  const code = (err as { code?: string }).code ?? '';
  const cause = STREAM_CAUSES[code] ?? messageOf(err);
  return new CliError(`Download of image ${id} failed: ${cause}${target ? `; nothing was saved as ${target}` : ''}.`);
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
      allowMd5Fallback: presence('--allow-md5-fallback', 'Accepted for compatibility: md5 is used when the hash algorithm is unavailable'),
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
    const api = await deps.image();
    const image = await deps.glance.findImage(api.images, options.image);
    const expected = expectedHash(image);
    let download;
    try {
      // md5 only when it is what we verify against (or Content-MD5 is all there is).
      const md5 = expected === undefined || expected.algorithm === 'md5';
      download = await api.data.download(image.id, expected?.algorithm === 'md5' ? 'sha512' : expected?.algorithm, undefined, md5);
    } catch (err) {
      if (err instanceof HttpError) throw new CliError(`Unable to download image '${options.image}'. (${err.message})`);
      throw err;
    }
    if (!download) throw new CliError(`Image ${image.id} has no data.`);
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
      const actual = expected === undefined ? undefined : expected.algorithm === 'md5' || multihash === undefined ? md5 : multihash;
      const wanted = expected && (expected.algorithm !== 'md5' && multihash === undefined ? image.checksum : expected.value);
      if (wanted && actual !== wanted) throw new CliError(`Corrupt image download. Hash was ${actual} expected ${wanted}`);
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

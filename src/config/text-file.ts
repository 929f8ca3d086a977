// Reading a configuration file (keystonerc, clouds.yaml, secure.yaml): a regular file of bounded
// size holding UTF-8 text. /dev/zero or a FIFO would hang the reader, a 300 MB file abort it, and
// bytes that are not UTF-8 would silently become U+FFFD in a password or a URL.
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { CliError } from '../errors.js';
import { notRegularFile } from './file-kind.js';

/** Far above any real rc or clouds.yaml (a few KiB; a PKI token is ~10 KiB). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** The file's text; `what` names it in errors ("credentials file", …), `hint` says what to check. */
export function readConfigText(path: string, what: string, hint: string): string {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not readable';
    throw new CliError(`Cannot read ${what} ${path} (${reason}): ${hint}.`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new CliError(`Cannot read ${what} ${path}: it is ${notRegularFile(stats) ?? 'not a regular file'}, not a regular file.`);
    if (stats.size > MAX_CONFIG_BYTES)
      throw new CliError(`Cannot read ${what} ${path}: it is ${stats.size} bytes, more than the ${MAX_CONFIG_BYTES} a ${what} may be.`);
    // Read up to one byte past the cap: a file growing while read is refused too.
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_CONFIG_BYTES) throw new CliError(`Cannot read ${what} ${path}: it grew past ${MAX_CONFIG_BYTES} bytes while being read.`);
    return utf8(buffer.subarray(0, length), path);
  } finally {
    closeSync(fd);
  }
}

/** The text of `bytes`, or an error naming the first line that is not valid UTF-8 (never its content: it may be a password). */
export function utf8(bytes: Buffer, path: string): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  let start = 0;
  for (let line = 1; ; line += 1) {
    const end = bytes.indexOf(0x0a, start);
    const part = bytes.subarray(start, end < 0 ? bytes.length : end);
    if (!isUtf8(part)) throw new CliError(`${path}:${line}: text is not valid UTF-8: save the file as UTF-8.`);
    if (end < 0) throw new CliError(`${path}: text is not valid UTF-8: save the file as UTF-8.`);
    start = end + 1;
  }
}

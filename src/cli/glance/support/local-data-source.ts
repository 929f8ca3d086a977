// Where image data comes from: --file, or stdin only when stdin really carries data (deps.stdinData
// says when: never a terminal, a closed stdin or /dev/null).
import { accessSync, constants, createReadStream, type Stats, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { CliError } from '../../../errors.js';
import type { Deps } from '../../deps.js';
import { notRegularFile } from '../../../config/file-kind.js';

export interface ImageSource {
  /** '--file' or 'stdin', for messages. */
  origin: '--file' | 'stdin';
  /** Opens the data (lazily, so validation fails before anything is read). */
  open(): Readable;
  size?: number;
  /** The regular file given with --file, which an upload reads in place instead of through open(). */
  path?: string;
}

/** The data source for a command, or undefined when there is none. Checks --file is a readable regular file. */
export function imageSource(file: string | undefined, deps: Pick<Deps, 'stdinData'>): ImageSource | undefined {
  if (file !== undefined) {
    let stat: Stats;
    try {
      accessSync(file, constants.R_OK);
      stat = statSync(file);
    } catch {
      throw new CliError(`File ${file} does not exist or user does not have read privileges to it`);
    }
    const kind = notRegularFile(stat);
    // Streams (a FIFO among them) are image data when given as stdin, where no size is expected.
    if (kind === 'a FIFO') throw new CliError(`File ${file} is a FIFO: give it as stdin (< ${file}) instead of with --file`);
    if (kind) throw new CliError(`File ${file} is ${kind}: --file takes a regular file (or give a pipe as stdin)`);
    const size = stat.size;
    return { origin: '--file', size, path: file, open: () => createReadStream(file, { highWaterMark: 1024 * 1024 }) };
  }
  const stdin = deps.stdinData();
  return stdin && { origin: 'stdin', size: stdin.size, open: stdin.open };
}

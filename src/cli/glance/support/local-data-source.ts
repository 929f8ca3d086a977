// Where image data comes from: --file, or stdin only when stdin really carries data (deps.stdinData
// says when: never a terminal, a closed stdin or /dev/null).
import { accessSync, constants, createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { CliError } from '../../../errors.js';
import type { Deps } from '../../deps.js';

export interface ImageSource {
  /** '--file' or 'stdin', for messages. */
  origin: '--file' | 'stdin';
  /** Opens the data (lazily, so validation fails before anything is read). */
  open(): Readable;
  size?: number;
  /** The regular file given with --file, which an upload reads in place instead of through open(). */
  path?: string;
}

/** The data source for a command, or undefined when there is none. Checks --file is readable. */
export function imageSource(file: string | undefined, deps: Pick<Deps, 'stdinData'>): ImageSource | undefined {
  if (file !== undefined) {
    let size: number;
    try {
      accessSync(file, constants.R_OK);
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a regular file');
      size = stat.size;
    } catch {
      throw new CliError(`File ${file} does not exist or user does not have read privileges to it`);
    }
    return { origin: '--file', size, path: file, open: () => createReadStream(file, { highWaterMark: 1024 * 1024 }) };
  }
  const stdin = deps.stdinData();
  return stdin && { origin: 'stdin', size: stdin.size, open: stdin.open };
}

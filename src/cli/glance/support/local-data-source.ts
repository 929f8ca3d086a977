// Where image data comes from: --file, or stdin only when stdin really carries data (a pipe,
// a socket or a redirected regular file). Never a terminal, a closed stdin or /dev/null:
// python-glanceclient's trap that makes cron and CI jobs upload empty images.
import { accessSync, constants, createReadStream, fstatSync, statSync } from 'node:fs';
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

/** What fd 0 is: data only for pipes, sockets and regular files. */
function stdinCarriesData(): { data: boolean; size?: number } {
  try {
    const stat = fstatSync(0);
    if (stat.isFile()) return { data: true, size: stat.size };
    return { data: stat.isFIFO() || stat.isSocket() };
  } catch {
    return { data: false }; // closed (`<&-`)
  }
}

/** The data source for a command, or undefined when there is none. Checks --file is readable. */
export function imageSource(file: string | undefined, deps: Pick<Deps, 'stdin' | 'tty'>): ImageSource | undefined {
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
  if (deps.stdin !== process.stdin) return { origin: 'stdin', open: () => deps.stdin as Readable }; // injected by tests
  if (deps.tty.stdin) return undefined;
  const probe = stdinCarriesData();
  return probe.data ? { origin: 'stdin', size: probe.size, open: () => process.stdin, } : undefined;
}

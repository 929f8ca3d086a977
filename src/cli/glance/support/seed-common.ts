// What image-seed's per-image code shares: the run's context, an entry's status line, and how an
// entry's source and checksum read in messages.
import type { ConnectionLane } from '../../../api/image/data.js';
import type { ImageApi } from '../../../api/image/index.js';
import type { ImageSchema } from '../../../api/image/schemas.js';
import { CliError } from '../../../errors.js';
import type { Checksum } from '../../../hashes/checksum.js';
import { withoutUserinfo } from '../../../http/redact.js';
import type { Deps } from '../../deps.js';
import type { RotateMode } from './reuse-existing.js';
import type { SeedEntry } from './seed-manifest.js';

export interface SeedContext {
  deps: Deps;
  api: ImageApi;
  schema: ImageSchema;
  /** The hash cache directory. */
  cacheDir: string;
  /** --rotate: what becomes of older images of a name once its image is active. */
  rotate?: RotateMode;
  /**
   * Runs file hashing one file at a time: hashes are computed on the one JavaScript thread, so
   * files hashed together all finish late; one after the other, each upload starts as soon as its
   * file is hashed, while the next one is.
   */
  hashInTurn<T>(work: () => Promise<T>): Promise<T>;
  /**
   * The connection this entry's parallel worker sends its data on, the same for every image it
   * seeds (see ConnectionLane): a Glance worker takes whole connections, and a lane stays with its own.
   */
  lane?: ConnectionLane;
  /** Set once a signal's clean-up has begun: nothing new is created after that. */
  stopping(): boolean;
  now(): number;
}

/** Progress of one entry, for its status line. */
export type Report = (text: string) => void;

/** The file or URL, as the manifest names it. */
export function sourceName(entry: SeedEntry): string {
  return entry.source.kind === 'file' ? entry.source.shown : withoutUserinfo(entry.source.url);
}

/** The upstream checksum against the data's hashes: a mismatch refuses the entry (`outcome`: what became of it). */
export function checkUpstream(checksum: Checksum, hashes: { md5: string; sha256: string; sha512: string }, what: string, outcome = ''): void {
  const actual = hashes[checksum.algorithm];
  if (actual !== checksum.hex)
    throw new CliError(`checksum mismatch: ${what} has ${checksum.algorithm} ${actual}, the manifest says ${checksum.hex}${outcome}`);
}

/** A progress callback that shows `verb NN%` on the entry's line. */
export function percentOf(verb: string, total: number, report: Report): (bytes: number) => void {
  const shown = progressLine(verb, total, report);
  return (bytes) => shown.advance(bytes);
}

export function progressLine(verb: string, total: number, report: Report): { advance(bytes: number): void; done(): void } {
  let seen = 0;
  let last = -1;
  report(verb);
  return {
    advance(bytes) {
      seen += bytes;
      const percent = total > 0 ? Math.floor((seen / total) * 100) : -1;
      if (percent === last) return;
      last = percent;
      report(percent >= 0 ? `${verb} ${percent}%` : verb);
    },
    done: () => undefined,
  };
}

/** An inspection refusal worded for image-create's flags, reworded for the manifest (image-seed has no override: fix the entry). */
export function inManifestTerms(message: string): string {
  return message.replace(/ \(--allow-unsafe-image sends it anyway\)/, '').replace(/: use --disk-format (\S+)$/, ': set disk_format: $1 (or auto)');
}

/** A queue that runs the work given to it one piece at a time, in order. */
export function oneAtATime(): <T>(work: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (work) => {
    const next = last.then(work, work);
    last = next.catch(() => undefined);
    return next;
  };
}

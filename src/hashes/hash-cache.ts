// Hashes of local image files, kept so that a re-run does not read an unchanged file again. An
// entry is found by the file's identity (device, inode, size, mtime and ctime in nanoseconds: a
// file rewritten in place gets a new ctime even when its mtime is put back) and says which hashes
// the file had. An entry decides which image is reused, so nothing in the cache is trusted unless
// it is ours: the directory must be a real directory of this user (else a one-line refusal), and
// an entry that is not a regular file of ours, or is corrupt, or names another file, is ignored.
import { createHash } from 'node:crypto';
import { type BigIntStats, chmodSync, lstatSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheDir, readOwnCacheFile, untrustedPath, writeOwnCacheFile } from '../cache-dir.js';
import { CliError } from '../errors.js';
import { type Guard, ShapeError, shape, str } from '../http/decode.js';

export interface FileHashes {
  size: number;
  md5: string;
  sha256: string;
  sha512: string;
}

/** What identifies one version of a file: its device, inode, size, mtime and ctime (ns), as decimal text. */
export interface FileIdentity {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
  ctimeNs: string;
}

interface Entry extends FileIdentity {
  md5: string;
  sha256: string;
  sha512: string;
}

const hex =
  (digits: number): Guard<string> =>
  (value, at) => {
    const text = str(value, at);
    if (!new RegExp(`^[0-9a-f]{${digits}}$`).test(text)) throw new ShapeError(at, `is not ${digits} hex digits`);
    return text;
  };

const decimal: Guard<string> = (value, at) => {
  const text = str(value, at);
  if (!/^\d{1,30}$/.test(text)) throw new ShapeError(at, 'is not a decimal number');
  return text;
};

const entryGuard = shape<Entry>({
  dev: decimal,
  ino: decimal,
  size: decimal,
  mtimeNs: decimal,
  ctimeNs: decimal,
  md5: hex(32),
  sha256: hex(64),
  sha512: hex(128),
});

/** How long before it is read a file must have been last modified for its identity to vouch for its bytes. */
const SETTLED_MS = 2000;

/** Far above an entry's size (five decimals, three hex digests, key names: under 500 bytes). */
const MAX_ENTRY_BYTES = 4096;

/** `$XDG_CACHE_HOME/openstack-classic-cli/hashes`, else under ~/.cache. */
export function defaultHashCacheDir(env: NodeJS.ProcessEnv): string {
  return cacheDir(env, 'hashes');
}

export function identityOf(stats: BigIntStats): FileIdentity {
  return { dev: String(stats.dev), ino: String(stats.ino), size: String(stats.size), mtimeNs: String(stats.mtimeNs), ctimeNs: String(stats.ctimeNs) };
}

export function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

export class HashCache {
  private checked = false;

  constructor(readonly dir: string) {}

  /** The hashes recorded for this version of the file, if any (and trustworthy). */
  lookup(identity: FileIdentity): FileHashes | undefined {
    this.check();
    try {
      // An entry is a few hundred bytes: a larger file is not one of ours, and is not read into memory.
      const entry = entryGuard(JSON.parse(readOwnCacheFile(this.path(identity), MAX_ENTRY_BYTES)), '');
      if (!sameIdentity(entry, identity)) return undefined;
      return { size: Number(entry.size), md5: entry.md5, sha256: entry.sha256, sha512: entry.sha512 };
    } catch {
      return undefined; // none yet, a link, another user's, corrupt or of another shape: hashed afresh and overwritten
    }
  }

  /**
   * Records the hashes of a file read from `readFromMs` (Date.now() before its first byte was
   * read), unless it was last modified less than 2 s before that: on a file system with coarse
   * times (1 s; FAT's 2 s) a write in the same tick as the read leaves the identity as it was, and
   * the entry would vouch for bytes the file no longer holds (git's "racy" rule). Such a file is
   * hashed again on the next run, when its time is old enough. A cache that cannot be written only
   * costs a re-read next time.
   */
  store(identity: FileIdentity, hashes: FileHashes, readFromMs: number): void {
    if (BigInt(identity.mtimeNs) >= BigInt(Math.floor(readFromMs - SETTLED_MS)) * 1_000_000n) return;
    this.check();
    const entry: Entry = { ...identity, md5: hashes.md5, sha256: hashes.sha256, sha512: hashes.sha512 };
    try {
      writeOwnCacheFile(this.path(identity), JSON.stringify(entry));
    } catch {
      // ignored: see above
    }
  }

  /**
   * The directory and its parent (ours, below XDG_CACHE_HOME) are made 0700 when missing and must
   * be real directories of this user: anything else is refused in one line, since the entries
   * decide which image is reused.
   */
  private check(): void {
    if (this.checked) return;
    const app = dirname(this.dir);
    for (const path of [app, this.dir]) {
      let stats = lstatSync(path, { throwIfNoEntry: false });
      if (!stats) {
        try {
          mkdirSync(path, { recursive: true, mode: 0o700 });
        } catch (err) {
          throw new CliError(`Cannot make the hash cache directory ${path}: ${(err as Error).message}`);
        }
        stats = lstatSync(path);
      }
      const problem = untrustedPath(path, stats, 'directory');
      if (problem)
        throw new CliError(`Cannot use the hash cache: ${problem}; it must be a directory of your own, not a link (remove it, or set XDG_CACHE_HOME).`);
    }
    chmodSync(this.dir, 0o700); // ours, so private even if made by hand
    this.checked = true;
  }

  private path(identity: FileIdentity): string {
    return join(
      this.dir,
      `${createHash('sha256')
        .update(JSON.stringify([identity.dev, identity.ino]))
        .digest('hex')
        .slice(0, 40)}.json`,
    );
  }
}

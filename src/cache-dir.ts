// Where this program keeps its caches (tokens, image schemas, file hashes), and which paths there
// it may trust: what a cache holds decides where a token goes or which image is reused.
import {
  chmodSync,
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { CliError } from './errors.js';

/** `$XDG_CACHE_HOME/openstack-classic-cli/<name>`, else under ~/.cache; a CliError naming the fix if there is no home directory. */
export function cacheDir(env: NodeJS.ProcessEnv, name: string): string {
  // node:os only without $HOME (loading it cost every cached command about 10 page faults).
  const base = env.XDG_CACHE_HOME || join(env.HOME || homeDirectory(), '.cache');
  return join(base, 'openstack-classic-cli', name);
}

function homeDirectory(): string {
  try {
    return process.getBuiltinModule('node:os').homedir();
  } catch {
    // A user with no $HOME and no passwd entry (a container's arbitrary uid): Node's own message names no fix.
    throw new CliError(`No home directory for the caches (no $HOME, and uid ${process.getuid?.()} has no passwd entry): set HOME or XDG_CACHE_HOME.`);
  }
}

const uid = process.getuid?.();

interface PathStats {
  isSymbolicLink(): boolean;
  isDirectory(): boolean;
  isFile(): boolean;
  uid: number | bigint;
}

/** Why a path may not hold our cache (a link, the wrong kind, another user's), or undefined when it may. */
export function untrustedPath(path: string, stats: PathStats, want: 'directory' | 'file'): string | undefined {
  if (stats.isSymbolicLink()) return `${path} is a symbolic link`;
  if (want === 'directory' ? !stats.isDirectory() : !stats.isFile()) return `${path} is not a ${want}`;
  if (uid !== undefined && Number(stats.uid) !== uid) return `${path} belongs to another user (uid ${stats.uid})`;
  return undefined;
}

/** A cache file that may not be read as ours: the message says why (a link, not a file, another user's, too large). */
export class UntrustedCacheFile extends Error {}

/**
 * A cache file's text, read only if it is ours: opened without following a symbolic link (ELOOP
 * is reported as one) and without blocking on a FIFO (O_NONBLOCK: opening one to read waits for a
 * writer, signals too), then checked on the descriptor read (fstat), so the file checked is the
 * file read. Throws UntrustedCacheFile when it may not be read, or the system error (ENOENT: none yet).
 */
export function readOwnCacheFile(path: string, maxBytes = Number.POSITIVE_INFINITY): string {
  return readOwnCacheBytes(path, maxBytes).toString('utf8');
}

/** readOwnCacheFile's bytes. */
export function readOwnCacheBytes(path: string, maxBytes = Number.POSITIVE_INFINITY): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw new UntrustedCacheFile(`${path} is a symbolic link`);
    throw err;
  }
  try {
    const stats = fstatSync(fd);
    const problem = untrustedPath(path, stats, 'file') ?? (stats.size > maxBytes ? `${path} is larger than ${maxBytes} bytes` : undefined);
    if (problem) throw new UntrustedCacheFile(problem);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

const STICKY = 0o1000;

/**
 * Checks (with `create`, makes) a cache directory, cacheDir(env, name): the base (XDG_CACHE_HOME,
 * ~/.cache) ours or root's and then not open to others' renames; the two below it ours, 0700, real
 * directories. `usable`, `absent` (not made yet, without `create`) or why it may not be used.
 * Throws the system error (a cache that cannot be made only costs speed: callers go on without).
 */
export function checkCacheDir(dir: string, create: boolean): 'usable' | 'absent' | { problem: string } {
  const app = dirname(dir);
  const base = dirname(app);
  // The base may be a link of the user's own making (~/.cache on another disk): its target is judged.
  const baseStats = statSync(base, { throwIfNoEntry: false });
  if (baseStats) {
    const open = (baseStats.mode & 0o022) !== 0 && (baseStats.mode & STICKY) === 0;
    if (uid !== undefined && baseStats.uid !== uid && (baseStats.uid !== 0 || open))
      return { problem: `${base} belongs to another user (uid ${baseStats.uid})` };
  } else if (!create) return 'absent';
  for (const path of [app, dir]) {
    let stats = lstatSync(path, { throwIfNoEntry: false });
    if (!stats && !create) return 'absent'; // nothing cached yet; checked again before the first write
    if (!stats) {
      mkdirSync(path, { recursive: path === app, mode: 0o700 });
      stats = lstatSync(path);
    }
    const problem = untrustedPath(path, stats, 'directory');
    if (problem) return { problem };
  }
  chmodSync(dir, 0o700);
  return 'usable';
}

/**
 * Writes a cache file whole or not at all, private (0600): into a temporary name made with
 * O_EXCL|O_NOFOLLOW (never written through a name someone else put there), then renamed over the
 * file (rename replaces a link, never follows it); `durable`: on disk before it is renamed, so that
 * a power cut leaves the old file or the new one, never a new one with blocks unwritten. A failed
 * write leaves no temporary file. Throws the system error.
 */
export function writeOwnCacheFile(path: string, text: string | Uint8Array, { durable = false } = {}): void {
  const tmp = `${path}.${process.pid}.${randomSuffix()}.tmp`;
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  try {
    try {
      writeFileSync(fd, text);
      if (durable) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * 8 random hex digits for a temporary file's name. Unpredictability is not what keeps it safe
 * (O_EXCL|O_NOFOLLOW is: a name taken only fails the write), so Math.random serves, and no write
 * loads node:crypto (~100 page faults).
 */
function randomSuffix(): string {
  return Math.floor(Math.random() * 0x100000000)
    .toString(16)
    .padStart(8, '0');
}

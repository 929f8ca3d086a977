// A local file's md5, sha256 and sha512 in one read pass (md5 and sha256 are what openstacksdk
// records, sha512 is Glance's default os_hash_algo), or from the hash cache when the file is the
// same version as when it was last hashed.
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { notRegularFile } from '../config/file-kind.js';
import { CliError, messageOf } from '../errors.js';
import { fileChunks } from '../api/image/file-chunks.js';
import { type FileHashes, type FileIdentity, HashCache, identityOf, sameIdentity } from './hash-cache.js';

export type { FileHashes } from './hash-cache.js';
export { defaultHashCacheDir } from './hash-cache.js';

export interface HashFileOptions {
  /** Where hashes are kept between runs (defaultHashCacheDir); undefined: no cache. */
  cacheDir?: string;
  /** Bytes read so far, for a progress bar (not called on a cache hit). */
  onProgress?: (bytes: number) => void;
}

export interface HashedFile extends FileHashes {
  /** True when the hashes came from the cache and the file was not read. */
  cached: boolean;
}

/**
 * The file's hashes. A file that changes while it is read is refused (its hashes would describe
 * neither version); a cache that is a link or not the user's is refused (CliError, one line).
 */
export async function hashFile(path: string, options: HashFileOptions = {}): Promise<HashedFile> {
  const cache = options.cacheDir === undefined ? undefined : new HashCache(options.cacheDir);
  const before = fileIdentity(path);
  const known = cache?.lookup(before);
  if (known) return { ...known, cached: true };
  const md5 = createHash('md5');
  const sha256 = createHash('sha256');
  const sha512 = createHash('sha512');
  let size = 0;
  const readFrom = Date.now();
  const file = await openToRead(path);
  let after: FileIdentity;
  try {
    for await (const chunk of fileChunks(file.handle)) {
      md5.update(chunk);
      sha256.update(chunk);
      sha512.update(chunk);
      size += chunk.length;
      options.onProgress?.(chunk.length);
    }
    after = await file.identityNow();
  } catch (err) {
    throw new CliError(`Cannot read ${path} to hash it: ${messageOf(err)}`);
  } finally {
    await file.close();
  }
  // The file read did not change, and the path still names it.
  if (!sameIdentity(file.identity, after) || !sameIdentity(after, fileIdentity(path)) || String(size) !== after.size)
    throw new CliError(`${path} changed while it was being hashed: try again once it is complete.`);
  const hashes = { size, md5: md5.digest('hex'), sha256: sha256.digest('hex'), sha512: sha512.digest('hex') };
  cache?.store(after, hashes, readFrom);
  return { ...hashes, cached: false };
}

/** A regular file opened to be read, with the identity of what the descriptor reads (fstat). */
export interface OpenedFile {
  handle: FileHandle;
  identity: FileIdentity;
  identityNow(): Promise<FileIdentity>;
  close(): Promise<void>;
}

/**
 * Opens the file once, for its identity and its bytes: the path's identity taken apart from the
 * open could name another file than the one read (a symlink or directory pointed elsewhere and
 * back), and the hash cache would record that one's hashes under this one's identity. Refused at
 * once if it is not a regular file, as fileIdentity refuses it.
 */
export async function openToRead(path: string): Promise<OpenedFile> {
  const { open } = await import('node:fs/promises'); // loaded only to read a file (see fileChunks)
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new CliError(`Cannot read ${path} to hash it: ${messageOf(err)}`);
  }
  const identityNow = async (): Promise<FileIdentity> => identityOf(await handle.stat({ bigint: true }));
  try {
    const stats = await handle.stat({ bigint: true });
    if (!stats.isFile()) throw new CliError(`Cannot read ${path} to hash it: it is ${notRegularFile(stats)}, not a regular file`);
    return { handle, identity: identityOf(stats), identityNow, close: () => handle.close() };
  } catch (err) {
    await handle.close();
    throw err instanceof CliError ? err : new CliError(`Cannot read ${path} to hash it: ${messageOf(err)}`);
  }
}

/**
 * The file's identity now (device, inode, size, times), as the hash cache keys it. Refused at once
 * if it is not a regular file: a file swapped for a FIFO must not stop the process waiting for a writer.
 */
export function fileIdentity(path: string): FileIdentity {
  return identityOf(regularFileStats(path));
}

function regularFileStats(path: string) {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new CliError(`Cannot read ${path} to hash it: ${messageOf(err)}`);
  }
  try {
    const stats = fstatSync(fd, { bigint: true });
    if (!stats.isFile()) throw new CliError(`Cannot read ${path} to hash it: it is ${notRegularFile(stats)}, not a regular file`);
    return stats;
  } finally {
    closeSync(fd);
  }
}

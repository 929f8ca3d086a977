import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseChecksum } from '../../src/hashes/checksum.js';
import { fileIdentity, hashFile } from '../../src/hashes/file-hashes.js';

const work = mkdtempSync(join(tmpdir(), 'file-hashes-'));
const digest = (algo: string, data: Buffer): string => createHash(algo).update(data).digest('hex');

function fixture(bytes = 3 * 1024 * 1024 + 17): { path: string; data: Buffer; cacheDir: string } {
  const dir = mkdtempSync(join(work, 'case-'));
  const data = randomBytes(bytes);
  const path = join(dir, 'disk.raw');
  writeFileSync(path, data);
  // Last modified a minute ago: a file written just now is not recorded (the racy rule, below).
  const minuteAgo = new Date(Date.now() - 60_000);
  utimesSync(path, minuteAgo, minuteAgo);
  return { path, data, cacheDir: join(dir, 'cache', 'openstack-classic-cli', 'hashes') };
}

describe('hashFile', () => {
  it('computes md5, sha256 and sha512 in one pass, reporting progress', async () => {
    const { path, data } = fixture();
    let seen = 0;
    const hashes = await hashFile(path, { onProgress: (n) => (seen += n) });
    expect(hashes).toEqual({ size: data.length, md5: digest('md5', data), sha256: digest('sha256', data), sha512: digest('sha512', data), cached: false });
    expect(seen).toBe(data.length);
  });

  it('does not read an unchanged file twice: the second answer comes from the cache', async () => {
    const { path, data, cacheDir } = fixture();
    const first = await hashFile(path, { cacheDir });
    let read = 0;
    const second = await hashFile(path, { cacheDir, onProgress: (n) => (read += n) });
    expect(second).toEqual({ ...first, cached: true });
    expect(read).toBe(0);
    expect(second.sha512).toBe(digest('sha512', data));
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
  });

  it('does not record a file modified less than 2 s before it was read: a write in the same tick of a coarse clock would leave its identity unchanged', async () => {
    const { path, data, cacheDir } = fixture();
    const now = new Date();
    utimesSync(path, now, now);
    await hashFile(path, { cacheDir });
    let read = 0;
    const second = await hashFile(path, { cacheDir, onProgress: (n) => (read += n) });
    expect([second.cached, read, second.sha512]).toEqual([false, data.length, digest('sha512', data)]);
    // Once its time is old enough, the next read is recorded.
    const old = new Date(Date.now() - 3000);
    utimesSync(path, old, old);
    await hashFile(path, { cacheDir });
    expect((await hashFile(path, { cacheDir })).cached).toBe(true);
  });

  it('makes a hand-made cache directory private', async () => {
    const { path, cacheDir } = fixture(10);
    mkdirSync(cacheDir, { recursive: true, mode: 0o755 });
    await hashFile(path, { cacheDir });
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
  });

  it('hashes again when the file was rewritten, even with its size and mtime put back', async () => {
    const { path, cacheDir } = fixture(4096);
    await hashFile(path, { cacheDir });
    const { atime, mtime } = statSync(path);
    const other = randomBytes(4096);
    writeFileSync(path, other);
    utimesSync(path, atime, mtime);
    const again = await hashFile(path, { cacheDir });
    expect(again.cached).toBe(false);
    expect(again.sha256).toBe(digest('sha256', other));
  });

  it('records only the hashes of the file it read: a path pointed at another file while it is read, then back, is refused', async () => {
    const { path: a, cacheDir } = fixture();
    const dir = join(a, '..');
    const b = join(dir, 'other.raw');
    writeFileSync(b, randomBytes(statSync(a).size));
    const link = join(dir, 'latest.raw');
    const point = (target: string): void => {
      symlinkSync(target, `${link}.tmp`);
      renameSync(`${link}.tmp`, link);
    };
    point('disk.raw');
    let pointedBack = false;
    const hashing = hashFile(link, {
      cacheDir,
      onProgress: () => {
        if (!pointedBack) point('disk.raw');
        pointedBack = true;
      },
    });
    point('other.raw'); // after the path's identity was taken, before the file is opened
    await expect(hashing).rejects.toThrow(`${link} changed while it was being hashed`);
    expect(pointedBack).toBe(true);
    // Nothing recorded for disk.raw: it is hashed afresh, to its own hashes.
    const again = await hashFile(link, { cacheDir });
    expect([again.cached, again.sha512]).toEqual([false, digest('sha512', readFileSync(a))]);
  });

  it('ignores a corrupt or forged cache entry', async () => {
    const { path, data, cacheDir } = fixture(4096);
    await hashFile(path, { cacheDir });
    const [entryName] = readdirSync(cacheDir);
    const entryPath = join(cacheDir, entryName!);
    const entry = JSON.parse(readFileSync(entryPath, 'utf8'));
    for (const forged of ['not json', JSON.stringify({ ...entry, sha512: 'zz' }), JSON.stringify({ ...entry, sha256: '0'.repeat(64), ino: '1' })]) {
      writeFileSync(entryPath, forged);
      const hashes = await hashFile(path, { cacheDir });
      expect(hashes.cached).toBe(false);
      expect(hashes.sha256).toBe(digest('sha256', data));
    }
  });

  it('does not read an entry far larger than any it writes (a 3 GiB one took 27 s and 4 GB of memory)', async () => {
    const { path, data, cacheDir } = fixture(4096);
    await hashFile(path, { cacheDir });
    const [entryName] = readdirSync(cacheDir);
    const entryPath = join(cacheDir, entryName!);
    // Valid JSON still: only its size tells it from a real entry.
    writeFileSync(entryPath, readFileSync(entryPath, 'utf8') + ' '.repeat(64 * 1024));
    const hashes = await hashFile(path, { cacheDir });
    expect(hashes.cached).toBe(false);
    expect(hashes.sha256).toBe(digest('sha256', data));
    expect(statSync(entryPath).size).toBeLessThan(1024);
  });

  it('does not wait on an entry that is a FIFO (the open blocked the process, SIGTERM included)', async () => {
    const { path, data, cacheDir } = fixture(4096);
    await hashFile(path, { cacheDir });
    const [entryName] = readdirSync(cacheDir);
    const entryPath = join(cacheDir, entryName!);
    rmSync(entryPath);
    execFileSync('mkfifo', [entryPath]);
    // A writer comes after 3 s, so a blocking open ends then instead of hanging the test run.
    const writer = spawn('sh', ['-c', `sleep 3; : > '${entryPath}'`], { stdio: 'ignore' });
    const started = Date.now();
    const hashes = await hashFile(path, { cacheDir });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(hashes.cached).toBe(false);
    expect(hashes.sha256).toBe(digest('sha256', data));
    writer.kill();
  });

  it('refuses a cache directory that is a symbolic link, in one line', async () => {
    const { path, cacheDir } = fixture(10);
    const elsewhere = mkdtempSync(join(work, 'elsewhere-'));
    mkdirSync(join(cacheDir, '..'), { recursive: true });
    symlinkSync(elsewhere, cacheDir);
    await expect(hashFile(path, { cacheDir })).rejects.toThrow(/^Cannot use the hash cache: .*hashes is a symbolic link; it must be a directory of your own/);
  });

  it('refuses a file that became a FIFO (swapped while it waited its turn), at once, not waiting on it', async () => {
    const dir = mkdtempSync(join(work, 'fifo-'));
    const fifo = join(dir, 'disk.raw');
    execFileSync('mkfifo', [fifo]);
    // A writer comes after 3 s and leaves after 4: a blocking open and read end then instead of hanging the test run.
    const writer = spawn('sh', ['-c', `sleep 3; exec 3>'${fifo}'; sleep 1`], { stdio: 'ignore' });
    const started = Date.now();
    await expect(hashFile(fifo)).rejects.toThrow(`Cannot read ${fifo} to hash it: it is a FIFO, not a regular file`);
    expect(Date.now() - started).toBeLessThan(2000);
    writer.kill();
  });

  it("takes a file's identity (image-seed's one-read upload) without waiting on a FIFO", () => {
    const dir = mkdtempSync(join(work, 'fifo-identity-'));
    const fifo = join(dir, 'disk.raw');
    execFileSync('mkfifo', [fifo]);
    // As above: a blocking open would end when this writer comes, failing on time instead of hanging.
    const writer = spawn('sh', ['-c', `sleep 3; exec 3>'${fifo}'; sleep 1`], { stdio: 'ignore' });
    const started = Date.now();
    expect(() => fileIdentity(fifo)).toThrow(`Cannot read ${fifo} to hash it: it is a FIFO, not a regular file`);
    expect(Date.now() - started).toBeLessThan(2000);
    writer.kill();
  });

  it('says which file it cannot read', async () => {
    const missing = join(work, 'missing.raw');
    await expect(hashFile(missing)).rejects.toThrow(`Cannot read ${missing} to hash it: ENOENT`);
  });
});

describe('parseChecksum', () => {
  it('reads algorithm:hex and bare md5, in lower case', () => {
    expect(parseChecksum(`SHA256:${'AB'.repeat(32)}`)).toEqual({ algorithm: 'sha256', hex: 'ab'.repeat(32) });
    expect(parseChecksum('ab'.repeat(16))).toEqual({ algorithm: 'md5', hex: 'ab'.repeat(16) });
    expect(parseChecksum(`sha512:${'0'.repeat(128)}`)).toEqual({ algorithm: 'sha512', hex: '0'.repeat(128) });
  });

  it('names what is wrong', () => {
    expect(parseChecksum(`sha1:${'0'.repeat(40)}`)).toEqual({ problem: "unknown algorithm 'sha1' (md5, sha256 or sha512)" });
    expect(parseChecksum('sha256:abc')).toEqual({ problem: 'sha256 takes 64 hex digits, not 3' });
    expect(parseChecksum('sha256:xyz')).toEqual({ problem: 'not <algorithm>:<hex digits>' });
  });
});

// image-seed's one-read upload of a file whose path is pointed at another file while it is read
// (a symlink flipped and flipped back, as a `latest -> build-N` link is): the hash cache is keyed by
// the identity of the file A the path names before and after the read, so it must hold A's hashes,
// never those of the file B that was read in between, or a re-run reuses B's image for A.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteNamed, glance, randomFile, unique, WORK } from './glance-helpers.js';

const name = unique('probe2-seed-swap');
afterAll(() => deleteNamed(name));

const sha512 = (path: string): string => createHash('sha512').update(readFileSync(path)).digest('hex');

// Watches A (inotify, Linux): on A's Nth close without a write, points LINK at B; once B has been
// opened, or when stdin closes, points LINK back at A. Prints what it did.
const SWAPPER = `
import ctypes, os, select, struct, sys
a, link, b, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
libc = ctypes.CDLL(None, use_errno=True)
fd = libc.inotify_init()
wa = libc.inotify_add_watch(fd, a.encode(), 0x10)   # IN_CLOSE_NOWRITE
wb = libc.inotify_add_watch(fd, b.encode(), 0x20)   # IN_OPEN
def point(target):
    os.symlink(os.path.basename(target), link + '.tmp'); os.replace(link + '.tmp', link)
closes, swapped = 0, False
print('armed', flush=True)
while True:
    ready, _, _ = select.select([fd, sys.stdin], [], [])
    if sys.stdin in ready and not sys.stdin.read(1): break
    if fd not in ready: continue
    buf, off = os.read(fd, 4096), 0
    while off < len(buf):
        wd, mask, _, ln = struct.unpack_from('iIII', buf, off); off += 16 + ln
        if wd == wa and not swapped:
            closes += 1
            if closes == n: point(b); swapped = True; print('swapped', flush=True)
        if wd == wb and swapped:
            point(a); print('B opened', flush=True); sys.exit(0)
point(a)
`;

describe('image-seed of a file whose path names another file while it is read', () => {
  it("records only the hashes of the file the cache entry names: a re-run does not reuse the other file's image", async () => {
    const a = randomFile(16 * 1024 * 1024, `${name}-a`);
    const b = randomFile(16 * 1024 * 1024, `${name}-b`);
    const link = join(WORK, `${name}.raw`);
    symlinkSync(basename(a), link);
    const manifest = join(WORK, `${name}.yaml`);
    writeFileSync(manifest, `images:\n  - {name: ${name}, file: ${basename(link)}, disk_format: raw}\n`);
    const cacheHome = join(WORK, `${name}-cache`);
    const cache = { XDG_CACHE_HOME: cacheHome };

    // B is pointed at after A's third close without a write. Before the fix that was the identity
    // taken from the path before the upload, and the read that followed opened B: A's cache entry
    // got B's hashes. Now one descriptor serves identity and read (inspection and the check that no
    // image of the name exists are the first two closes; the third is the path's check after the
    // upload), so there is no window; a separate open coming back before the read would reopen it
    // here, and the assertions below would catch it.
    const swapper = spawn('python3', ['-c', SWAPPER, a, link, b, '3'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let said = '';
    swapper.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const exited = new Promise((resolve) => swapper.on('exit', resolve));
    await expect.poll(() => said, { timeout: 10_000 }).toContain('armed');
    const first = await glance(['image-seed', manifest, '-f', 'json'], cache, undefined);
    swapper.stdin.end();
    await exited;
    expect(said).toContain('swapped');
    expect(readFileSync(link).equals(readFileSync(a))).toBe(true);

    // Whatever the first run did (created an image, or refused the file as changed), the entry for A,
    // if any, holds A's hashes.
    const { dev, ino } = statSync(a);
    const dir = join(cacheHome, 'openstack-classic-cli', 'hashes');
    const entries = (existsSync(dir) ? readdirSync(dir) : []).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, string>);
    const forA = entries.filter((e) => e.dev === String(dev) && e.ino === String(ino));
    expect([first.code, forA.map((e) => e.sha512 === sha512(a))]).toEqual(first.code === 0 ? [0, [true]] : [1, []]);

    // The re-run ends with an image holding A's data.
    const again = await glance(['image-seed', manifest, '-f', 'json'], cache, undefined);
    expect(again.code).toBe(0);
    const [row] = JSON.parse(again.stdout) as Array<Record<string, unknown>>;
    const shown = JSON.parse((await glance(['--os-image-api-version', '2', 'image-show', '-f', 'json', String(row!.ID)])).stdout) as Record<string, unknown>;
    expect([row!.Action, shown.os_hash_value]).toEqual([row!.Action === 'reused' ? 'reused' : 'created', sha512(a)]);
  }, 120_000);
});

// Disk images for the format inspector's tests: made by qemu-img where it can, written byte by byte
// where it cannot (ISO volume descriptors, MBR and GPT tables), and read back by qemu-img info.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scratch directory; `remove()` when done. */
export function scratch(prefix: string): { dir: string; path: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function qemuImg(args: string[], cwd?: string): string {
  // Making a LUKS image, qemu-img times its key derivation by the thread's CPU time; on a loaded VM it
  // can read none used at all and give up ("Unable to get accurate CPU usage", seen in CI): that alone is retried.
  for (let attempt = 1; ; attempt++) {
    try {
      return execFileSync('qemu-img', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      if (attempt === 5 || !String((err as { stderr?: unknown }).stderr).includes('Unable to get accurate CPU usage')) throw err;
    }
  }
}

/** What qemu-img info says of an image: its format (probed unless `format` is given) and virtual size. */
export function qemuInfo(path: string, options: { format?: string; imageOpts?: string; objects?: string[] } = {}): { format: string; virtualSize: number } {
  const objects = (options.objects ?? []).flatMap((o) => ['--object', o]);
  const target = options.imageOpts ? ['--image-opts', options.imageOpts] : [...(options.format ? ['-f', options.format] : []), path];
  const info = JSON.parse(qemuImg(['info', '--output=json', ...objects, ...target]));
  return { format: info.format, virtualSize: info['virtual-size'] };
}

/** `bytes` written over the file at `offset`. */
export function patch(path: string, offset: number, bytes: Uint8Array | number[]): void {
  const data = readFileSync(path);
  Buffer.from(bytes).copy(data, offset);
  writeFileSync(path, data);
}

export const ISO_SECTOR = 2048;

/**
 * A minimal ISO 9660 image of `blocks` 2048-byte blocks: an empty system area, a primary volume
 * descriptor at 32 KiB giving that size, and the set terminator.
 */
export function isoImage(blocks: number): Buffer {
  const image = Buffer.alloc(blocks * ISO_SECTOR);
  const pvd = image.subarray(16 * ISO_SECTOR, 17 * ISO_SECTOR);
  pvd[0] = 1;
  pvd.write('CD001', 1, 'latin1');
  pvd[6] = 1;
  pvd.write('LINUX'.padEnd(32), 8, 'latin1');
  pvd.write('TEST'.padEnd(32), 40, 'latin1');
  bothEndian32(pvd, 80, blocks);
  bothEndian16(pvd, 120, 1); // volume set size
  bothEndian16(pvd, 124, 1); // volume sequence number
  bothEndian16(pvd, 128, ISO_SECTOR);
  pvd[881] = 1; // file structure version
  const terminator = image.subarray(17 * ISO_SECTOR, 18 * ISO_SECTOR);
  terminator[0] = 255;
  terminator.write('CD001', 1, 'latin1');
  terminator[6] = 1;
  return image;
}

function bothEndian32(b: Buffer, at: number, value: number): void {
  b.writeUInt32LE(value, at);
  b.writeUInt32BE(value, at + 4);
}

function bothEndian16(b: Buffer, at: number, value: number): void {
  b.writeUInt16LE(value, at);
  b.writeUInt16BE(value, at + 2);
}

export interface MbrEntry {
  boot?: number;
  startChs?: [number, number, number];
  type: number;
  startLba: number;
  sectors: number;
}

/** A first sector holding these partition entries and the 0x55AA signature. */
export function mbrSector(entries: MbrEntry[]): Buffer {
  const sector = Buffer.alloc(512);
  entries.forEach((e, i) => {
    const at = 446 + i * 16;
    sector[at] = e.boot ?? 0;
    sector.set(e.startChs ?? [0, 2, 0], at + 1);
    sector[at + 4] = e.type;
    sector.set([0xff, 0xff, 0xff], at + 5);
    sector.writeUInt32LE(e.startLba, at + 8);
    sector.writeUInt32LE(e.sectors, at + 12);
  });
  sector[510] = 0x55;
  sector[511] = 0xaa;
  return sector;
}

/** A disk of `sectors` 512-byte sectors with a protective MBR and a GPT header at LBA 1 (one Linux partition). */
export function gptDisk(sectors: number): Buffer {
  const disk = Buffer.alloc(sectors * 512);
  mbrSector([{ type: 0xee, startLba: 1, sectors: Math.min(sectors - 1, 0xffffffff) }]).copy(disk, 0);
  const header = disk.subarray(512, 1024);
  header.write('EFI PART', 0, 'latin1');
  header.writeUInt32LE(0x00010000, 8); // revision 1.0
  header.writeUInt32LE(92, 12);
  header.writeBigUInt64LE(1n, 24); // this header
  header.writeBigUInt64LE(BigInt(sectors - 1), 32); // the backup
  header.writeBigUInt64LE(34n, 40); // first usable
  header.writeBigUInt64LE(BigInt(sectors - 34), 48); // last usable
  header.writeBigUInt64LE(2n, 72); // partition entries
  header.writeUInt32LE(128, 80);
  header.writeUInt32LE(128, 84);
  const entry = disk.subarray(1024, 1024 + 128);
  Buffer.from('AF3DC60F838447728E793D69D8477DE4', 'hex').copy(entry, 0); // Linux filesystem (byte order aside)
  entry.writeBigUInt64LE(2048n, 32);
  entry.writeBigUInt64LE(BigInt(sectors - 34), 40);
  return disk;
}

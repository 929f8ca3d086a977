// Disk images for the inspection tests on the real cloud: one of every format the inspector detects,
// made by qemu-img where it can be (ISO, GPT and MBR written byte by byte), and crafted unsafe ones.
import { readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { binarySize } from '../../src/cli/glance/support/content-check.js';
import { gptDisk, isoImage, mbrSector, qemuImg, qemuInfo, scratch } from '../helpers/disk-images.js';

export const dir = scratch('glance-inspect');

function create(name: string, options: string[], size?: string): string {
  const path = dir.path(name);
  qemuImg(['create', '-q', ...options, path, ...(size ? [size] : [])], dir.dir);
  return path;
}

function write(name: string, bytes: Buffer): string {
  const path = dir.path(name);
  writeFileSync(path, bytes);
  return path;
}

export interface Sample {
  path: string;
  /** What the message calls it: `qcow2 (virtual size 64 MiB)`, with qemu-img info's size. */
  described: string;
  /** The disk_format `auto` gives it. */
  diskFormat: string;
}

const described = (format: string, path: string, qemuFormat?: string) =>
  `${format} (virtual size ${binarySize(qemuInfo(path, { format: qemuFormat }).virtualSize)})`;

function sample(path: string, diskFormat: string, qemuFormat = diskFormat): Sample {
  return { path, diskFormat, described: described(diskFormat, path, qemuFormat === 'vhd' ? 'vpc' : qemuFormat) };
}

/** Images of a format with a header, keyed by a name for the test titles. */
export function headerFormats(): Record<string, Sample> {
  return {
    qcow2: sample(create('disk.qcow2', ['-f', 'qcow2'], '64M'), 'qcow2'),
    'vmdk (monolithicSparse)': sample(create('sparse.vmdk', ['-f', 'vmdk'], '64M'), 'vmdk'),
    'vmdk (streamOptimized)': sample(create('stream.vmdk', ['-f', 'vmdk', '-o', 'subformat=streamOptimized'], '64M'), 'vmdk'),
    'vhd (dynamic)': sample(create('dynamic.vhd', ['-f', 'vpc'], '64M'), 'vhd'),
    'vhd (fixed)': sample(create('fixed.vhd', ['-f', 'vpc', '-o', 'subformat=fixed'], '4M'), 'vhd'),
    vhdx: sample(create('disk.vhdx', ['-f', 'vhdx'], '64M'), 'vhdx'),
    vdi: sample(create('disk.vdi', ['-f', 'vdi'], '64M'), 'vdi'),
    iso: { path: write('disk.iso', isoImage(64)), diskFormat: 'iso', described: `iso (virtual size ${binarySize(64 * 2048)})` },
  };
}

/** Raw data, and raw disks with a partition table. */
export function rawFormats(): Record<string, Sample> {
  const mbr = Buffer.alloc(2 << 20);
  mbrSector([{ type: 0x83, startLba: 2048, sectors: 2048 }]).copy(mbr);
  return {
    raw: { path: write('data.raw', randomBytes(3 << 20)), diskFormat: 'raw', described: 'raw data (no disk image header)' },
    gpt: { path: write('gpt.raw', gptDisk(4096)), diskFormat: 'raw', described: `a raw disk with a GPT partition table (virtual size 2 MiB)` },
    mbr: { path: write('mbr.raw', mbr), diskFormat: 'raw', described: `a raw disk with an MBR partition table (virtual size 2 MiB)` },
  };
}

/** A LUKS volume (Glance's default disk formats lack luks: only refused as something else here). */
export function luks(): Sample {
  const path = create('disk.luks', ['-f', 'luks', '--object', 'secret,id=sec0,data=secret', '-o', 'key-secret=sec0,iter-time=10'], '8M');
  return { path, diskFormat: 'luks', described: `luks (virtual size ${binarySize(8 << 20)})` };
}

/** Unsafe images and the reason the refusal names. */
export function unsafeImages(): Record<string, { path: string; declared: string; reason: RegExp }> {
  const base = create('base.raw', ['-f', 'raw'], '1M');
  const flat = create('flat.vmdk', ['-f', 'vmdk', '-o', 'subformat=monolithicFlat'], '1M');
  const polyglot = isoImage(64);
  readFileSync(create('header.qcow2', ['-f', 'qcow2'], '1M'))
    .subarray(0, 512)
    .copy(polyglot, 0);
  return {
    'qcow2 with a backing file': {
      path: create('backed.qcow2', ['-f', 'qcow2', '-b', base, '-F', 'raw']),
      declared: 'qcow2',
      reason: /^the qcow2 image has a backing file$/,
    },
    'qcow2 with an external data file': {
      path: create('data-file.qcow2', ['-f', 'qcow2', '-o', 'data_file=data-file.raw'], '1M'),
      declared: 'qcow2',
      reason: /^the qcow2 image has an external data file; the qcow2 image names an external data file$/,
    },
    'vmdk descriptor naming an extent': { path: flat, declared: 'vmdk', reason: /descriptor names extent files: "flat-flat\.vmdk"/ },
    'ISO with a qcow2 header at offset 0': {
      path: write('polyglot.iso', polyglot),
      declared: 'iso',
      reason: /^the image also carries an ISO 9660\/UDF volume descriptor \(a polyglot\)$/,
    },
    qed: { path: create('disk.qed', ['-f', 'qed'], '1M'), declared: 'qcow2', reason: /^QED images are not supported/ },
  };
}

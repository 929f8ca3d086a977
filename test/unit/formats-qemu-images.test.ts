// The format inspector on images qemu-img makes: every format and subformat is recognised, and its
// virtual size is what qemu-img info reports for the same file. Sizes are odd on purpose (a VHD's
// is rounded to its CHS geometry).
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectFile } from '../../src/formats/index.js';
import { gptDisk, isoImage, mbrSector, patch, qemuImg, qemuInfo, scratch } from '../helpers/disk-images.js';

const dir = scratch('formats-qemu');
afterAll(() => dir.remove());

interface Case {
  name: string;
  create: string[];
  format: string;
  /** qemu-img info's name, when it differs (vpc), and whether it must be told it (a fixed VHD probes as raw). */
  qemuFormat?: string;
  tellQemu?: boolean;
  unsafe?: RegExp[];
}

const cases: Case[] = [
  { name: 'v3.qcow2', create: ['-f', 'qcow2'], format: 'qcow2' },
  { name: 'v2.qcow2', create: ['-f', 'qcow2', '-o', 'compat=0.10'], format: 'qcow2' },
  { name: 'small-clusters.qcow2', create: ['-f', 'qcow2', '-o', 'cluster_size=512'], format: 'qcow2' },
  { name: 'a.qed', create: ['-f', 'qed'], format: 'qed', unsafe: [/QED images are not supported/] },
  { name: 'sparse.vmdk', create: ['-f', 'vmdk'], format: 'vmdk' },
  { name: 'stream.vmdk', create: ['-f', 'vmdk', '-o', 'subformat=streamOptimized'], format: 'vmdk' },
  {
    name: 'flat.vmdk',
    create: ['-f', 'vmdk', '-o', 'subformat=monolithicFlat'],
    format: 'vmdk',
    unsafe: [/descriptor only/, /names extent files: "flat-flat.vmdk"/],
  },
  {
    name: 'split.vmdk',
    create: ['-f', 'vmdk', '-o', 'subformat=twoGbMaxExtentSparse'],
    format: 'vmdk',
    unsafe: [/descriptor only/, /names extent files: "split-s001.vmdk"/],
  },
  { name: 'dynamic.vhd', create: ['-f', 'vpc'], format: 'vhd', qemuFormat: 'vpc' },
  { name: 'fixed.vhd', create: ['-f', 'vpc', '-o', 'subformat=fixed'], format: 'vhd', qemuFormat: 'vpc', tellQemu: true },
  { name: 'exact.vhd', create: ['-f', 'vpc', '-o', 'force_size=on'], format: 'vhd', qemuFormat: 'vpc' },
  { name: 'a.vhdx', create: ['-f', 'vhdx'], format: 'vhdx' },
  { name: 'a.vdi', create: ['-f', 'vdi'], format: 'vdi' },
  { name: 'static.vdi', create: ['-f', 'vdi', '-o', 'static=on'], format: 'vdi' },
  { name: 'a.raw', create: ['-f', 'raw'], format: 'raw' },
];

describe('images made by qemu-img', () => {
  beforeAll(() => {
    for (const c of cases) qemuImg(['create', '-q', ...c.create, dir.path(c.name), '7340544']);
  });

  it.each(cases)('$name is $format, of the virtual size qemu-img info gives', async (c) => {
    const result = await inspectFile(dir.path(c.name));
    const qemu = qemuInfo(dir.path(c.name), c.tellQemu ? { format: c.qemuFormat } : {});
    expect(qemu.format).toBe(c.qemuFormat ?? c.format);
    expect(result.format).toBe(c.format);
    expect(result.virtualSize).toBe(qemu.virtualSize);
    expect(result.unchecked).toBeUndefined();
    expect(result.unsafe ?? []).toHaveLength(c.unsafe?.length ?? 0);
    for (const [i, reason] of (c.unsafe ?? []).entries()) expect(result.unsafe?.[i]).toMatch(reason);
  });

  it('reads a VHD as qemu does: from its CHS geometry unless its creator means the current size', async () => {
    const footer = readFileSync(dir.path('dynamic.vhd')).subarray(0, 512);
    footer.writeBigUInt64BE(7340544n, 48); // the current size, off the CHS geometry
    for (const creator of ['qemu', 'win ']) {
      footer.write(creator, 28, 'latin1');
      footer.writeUInt32BE(0, 64);
      footer.writeUInt32BE(~footer.reduce((sum, byte) => sum + byte, 0) >>> 0, 64);
      const path = dir.path(`creator-${creator.trim()}.vhd`);
      copyFileSync(dir.path('dynamic.vhd'), path);
      patch(path, 0, footer);
      const qemu = qemuInfo(path);
      expect(qemu.virtualSize).toBe(creator === 'qemu' ? 7346176 : 7340544);
      expect((await inspectFile(path)).virtualSize).toBe(qemu.virtualSize);
    }
  });
});

describe('images written byte by byte, read as raw by qemu-img', () => {
  it('an ISO 9660 image is iso, of its primary volume descriptor size', async () => {
    writeFileSync(dir.path('a.iso'), isoImage(300));
    const result = await inspectFile(dir.path('a.iso'));
    expect(result).toEqual({ format: 'iso', diskFormat: 'iso', virtualSize: qemuInfo(dir.path('a.iso')).virtualSize });
  });

  it('a hybrid ISO (an MBR in its system area) is an iso, and safe', async () => {
    const image = isoImage(300);
    mbrSector([{ boot: 0x80, type: 0x17, startLba: 0, sectors: 1200 }]).copy(image, 0);
    writeFileSync(dir.path('hybrid.iso'), image);
    expect(await inspectFile(dir.path('hybrid.iso'))).toEqual({ format: 'iso', diskFormat: 'iso', virtualSize: qemuInfo(dir.path('hybrid.iso')).virtualSize });
  });

  it('a GPT disk is gpt (disk format raw), of its length', async () => {
    writeFileSync(dir.path('gpt.raw'), gptDisk(4096));
    const qemu = qemuInfo(dir.path('gpt.raw'));
    expect(qemu.format).toBe('raw');
    expect(await inspectFile(dir.path('gpt.raw'))).toEqual({ format: 'gpt', diskFormat: 'raw', virtualSize: qemu.virtualSize });
  });

  it('an MBR disk is mbr (disk format raw), of its length', async () => {
    const disk = Buffer.alloc(3 << 20);
    mbrSector([
      { boot: 0x80, type: 0x83, startLba: 2048, sectors: 2048 },
      { type: 0x82, startLba: 4096, sectors: 2048 },
    ]).copy(disk);
    writeFileSync(dir.path('mbr.raw'), disk);
    const qemu = qemuInfo(dir.path('mbr.raw'));
    expect(qemu.format).toBe('raw');
    expect(await inspectFile(dir.path('mbr.raw'))).toEqual({ format: 'mbr', diskFormat: 'raw', virtualSize: qemu.virtualSize });
  });

  it('a FAT boot sector, or a sector with no partition in use, is no partition table', async () => {
    const fat = mbrSector([{ type: 0x0c, startLba: 63, sectors: 100 }]);
    fat[0x10] = 2;
    fat[0x15] = 0xf8;
    writeFileSync(dir.path('fat.raw'), Buffer.concat([fat, Buffer.alloc(1536)]));
    writeFileSync(dir.path('empty-table.raw'), Buffer.concat([mbrSector([]), Buffer.alloc(1536)]));
    for (const name of ['fat.raw', 'empty-table.raw']) {
      expect(await inspectFile(dir.path(name))).toEqual({ format: 'raw', diskFormat: 'raw', virtualSize: qemuInfo(dir.path(name)).virtualSize });
    }
  });

  it('a text file that qemu does not take for a VMDK descriptor is raw (an empty line before version=)', async () => {
    writeFileSync(dir.path('not-a-descriptor'), '\nversion=1\ncreateType="monolithicFlat"\nRW 100 FLAT "x" 0\n');
    expect(qemuInfo(dir.path('not-a-descriptor')).format).toBe('raw');
    expect((await inspectFile(dir.path('not-a-descriptor'))).format).toBe('raw');
  });
});

// Images the inspector must call unsafe, made by qemu-img or patched from its images: backing and
// external data files, unknown qcow2 features, VMDK descriptors that reach for other files or that
// a footer contradicts, differencing disks, protective MBRs that are not, and polyglots. Where qemu
// still opens the image, its virtual size is checked against qemu-img info's.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { guidBytes } from '../../src/formats/bytes.js';
import { inspectFile, inspectImage, readAheadSource } from '../../src/formats/index.js';
import { gptDisk, isoImage, ISO_SECTOR, mbrSector, patch, qemuImg, qemuInfo, scratch } from '../helpers/disk-images.js';

const dir = scratch('formats-unsafe');
afterAll(() => dir.remove());

const MiB = 1 << 20;

/** qemu-img create NAME [SIZE] with these options, in the scratch directory. */
function create(name: string, options: string[], size?: string): string {
  const path = dir.path(name);
  qemuImg(['create', '-q', ...options, path, ...(size ? [size] : [])], dir.dir);
  return path;
}

const u64 = (value: bigint, littleEndian = false) => {
  const b = Buffer.alloc(8);
  if (littleEndian) b.writeBigUInt64LE(value);
  else b.writeBigUInt64BE(value);
  return b;
};

describe('qcow2', () => {
  it('with a backing file is unsafe, of qemu-img info size', async () => {
    const base = create('base.raw', ['-f', 'raw'], '3M');
    const path = create('backed.qcow2', ['-f', 'qcow2', '-b', base, '-F', 'raw']);
    const result = await inspectFile(path);
    expect(result).toMatchObject({ format: 'qcow2', virtualSize: qemuInfo(path).virtualSize, unsafe: ['the qcow2 image has a backing file'] });
  });

  it('with an external data file is unsafe (feature bit and header extension)', async () => {
    const path = create('data-file.qcow2', ['-f', 'qcow2', '-o', 'data_file=data-file.raw'], '4M');
    const result = await inspectFile(path);
    expect(result.virtualSize).toBe(qemuInfo(path).virtualSize);
    expect(result.unsafe).toEqual(['the qcow2 image has an external data file', 'the qcow2 image names an external data file']);
  });

  it('with only the external data file bit set, or only the extension, is unsafe', async () => {
    const bit = create('data-bit.qcow2', ['-f', 'qcow2'], '1M');
    patch(bit, 72 + 7, [0x04]);
    expect((await inspectFile(bit)).unsafe).toEqual(['the qcow2 image has an external data file']);
    const extension = create('data-ext.qcow2', ['-f', 'qcow2', '-o', 'data_file=data-ext.raw'], '1M');
    patch(extension, 72 + 7, [0x00]);
    expect((await inspectFile(extension)).unsafe).toEqual(['the qcow2 image names an external data file']);
  });

  it('with incompatible features Glance does not know (extended L2, or unknown bits) is unsafe', async () => {
    const extendedL2 = create('extended-l2.qcow2', ['-f', 'qcow2', '-o', 'extended_l2=on'], '2M');
    expect(await inspectFile(extendedL2)).toMatchObject({
      virtualSize: qemuInfo(extendedL2).virtualSize,
      unsafe: ['the qcow2 image has unknown incompatible features'],
    });
    const unknown = create('unknown.qcow2', ['-f', 'qcow2'], '2M');
    patch(unknown, 72, u64(1n << 40n));
    expect((await inspectFile(unknown)).unsafe).toEqual(['the qcow2 image has unknown incompatible features']);
  });

  it('version 1 (qcow) is unsafe, of qemu-img info size', async () => {
    const path = create('old.qcow', ['-f', 'qcow'], '5M');
    expect(qemuInfo(path).format).toBe('qcow');
    expect(await inspectFile(path)).toMatchObject({ format: 'qcow2', virtualSize: qemuInfo(path).virtualSize, unsafe: ['qcow version 1 is not supported'] });
  });
});

describe('vmdk', () => {
  /** A monolithicSparse VMDK whose embedded descriptor is `text`. */
  function sparseWithDescriptor(name: string, text: string): string {
    const path = create(name, ['-f', 'vmdk'], '1M');
    patch(path, 512, Buffer.concat([Buffer.from(text, 'latin1'), Buffer.alloc(10 * 512 - text.length)]));
    return path;
  }
  const descriptor = (createType: string, extent: string) =>
    `# Disk DescriptorFile\nversion=1\nCID=1\nparentCID=ffffffff\ncreateType="${createType}"\n${extent}\nddb.adapterType = "ide"\n`;

  it('an embedded descriptor is checked: extents with paths, other subformats and unknown lines are unsafe', async () => {
    const fine = sparseWithDescriptor('fine.vmdk', descriptor('monolithicSparse', 'RW 2048 SPARSE "fine.vmdk"'));
    expect(await inspectFile(fine)).toEqual({ format: 'vmdk', diskFormat: 'vmdk', virtualSize: qemuInfo(fine).virtualSize });
    const pathed = sparseWithDescriptor('pathed.vmdk', descriptor('monolithicSparse', 'RW 2048 SPARSE "/etc/passwd"'));
    expect((await inspectFile(pathed)).unsafe).toEqual(['a VMDK extent names a path: "/etc/passwd"']);
    const split = sparseWithDescriptor('split.vmdk', descriptor('twoGbMaxExtentSparse', 'RW 2048 SPARSE "split-s001.vmdk"'));
    expect((await inspectFile(split)).unsafe).toEqual(['VMDK subformat "twoGbMaxExtentSparse" is not supported']);
    const odd = sparseWithDescriptor('odd.vmdk', descriptor('monolithicSparse', 'RW 2048 SPARSE "odd.vmdk"\nfile: json:{}'));
    expect((await inspectFile(odd)).unsafe).toEqual(['the VMDK descriptor has a line that is not understood: "file: json:{}"']);
    const none = sparseWithDescriptor('none.vmdk', descriptor('monolithicSparse', ''));
    expect((await inspectFile(none)).unsafe).toEqual(['the VMDK descriptor has no extents']);
  });

  it('an embedded descriptor is read to its NUL, as qemu reads it, past the length the header gives', async () => {
    const text = descriptor('monolithicSparse', 'RW 2048 SPARSE "long.vmdk"');
    const path = sparseWithDescriptor('long.vmdk', `${text}#${'-'.repeat(600 - text.length)}\nRW 10 FLAT "/etc/shadow" 0\n`);
    patch(path, 36, u64(1n, true)); // descriptor size: 1 sector
    expect((await inspectFile(path)).unsafe).toEqual(['a VMDK extent names a path: "/etc/shadow"']);
  });

  it('a sparse VMDK of capacity 0 is unsafe: qemu opens its embedded descriptor as a descriptor file', async () => {
    const path = sparseWithDescriptor('empty.vmdk', descriptor('monolithicSparse', 'RW 2048 FLAT "other.raw" 0'));
    patch(path, 12, u64(0n, true));
    expect((await inspectFile(path)).unsafe).toEqual(['the VMDK has no capacity of its own: qemu reads the extents its descriptor names']);
  });

  it('a descriptor-only VMDK naming a path is unsafe, of the extents size qemu gives', async () => {
    writeFileSync(dir.path('target.raw'), Buffer.alloc(MiB));
    writeFileSync(
      dir.path('desc.vmdk'),
      `# Disk DescriptorFile\nversion=1\nCID=1\nparentCID=ffffffff\ncreateType="monolithicFlat"\nRW 2048 FLAT "${dir.path('target.raw')}" 0\n`,
    );
    const result = await inspectFile(dir.path('desc.vmdk'));
    expect(result.virtualSize).toBe(qemuInfo(dir.path('desc.vmdk')).virtualSize);
    expect(result.unsafe).toEqual([
      'the VMDK is a descriptor only: its data lies in other files',
      `the VMDK descriptor names extent files: "${dir.path('target.raw')}"`,
    ]);
  });

  describe('with its grain directory at the end, defers to a footer', () => {
    /** A streamOptimized VMDK whose header says "footer" and whose footer is `footer` (the original header by default). */
    function withFooter(name: string, change: (footer: Buffer, marker: Buffer, end: Buffer) => void = () => {}): string {
      const path = create(name, ['-f', 'vmdk', '-o', 'subformat=streamOptimized'], '1M');
      const header = readFileSync(path).subarray(0, 512);
      const [marker, footer, end] = [Buffer.alloc(512), Buffer.from(header), Buffer.alloc(512)];
      marker.writeBigUInt64LE(1n, 0);
      marker.writeUInt32LE(3, 12);
      footer.writeBigUInt64LE(4096n, 12); // 2 MiB: qemu takes the footer's capacity
      change(footer, marker, end);
      appendFileSync(path, Buffer.concat([marker, footer, end]));
      patch(path, 56, u64(0xffffffffffffffffn, true));
      return path;
    }

    it('a sound footer gives the virtual size, as qemu reads it', async () => {
      const path = withFooter('footer.vmdk');
      expect(await inspectFile(path)).toEqual({ format: 'vmdk', diskFormat: 'vmdk', virtualSize: qemuInfo(path).virtualSize });
      expect(qemuInfo(path).virtualSize).toBe(2 * MiB);
    });

    it('a footer that contradicts the header, or points to another footer, or bad markers, are unsafe', async () => {
      const otherDescriptor = withFooter('footer-desc.vmdk', (footer) => footer.writeBigUInt64LE(2n, 28));
      expect((await inspectFile(otherDescriptor)).unsafe).toEqual(['the VMDK footer is unsafe: it gives another descriptor than the header']);
      const loop = withFooter('footer-loop.vmdk', (footer) => footer.writeBigUInt64LE(0xffffffffffffffffn, 56));
      expect((await inspectFile(loop)).unsafe).toEqual(['the VMDK footer is unsafe: it points to another footer']);
      const markers = withFooter('footer-markers.vmdk', (_footer, marker, end) => {
        marker.writeUInt32LE(1, 12);
        end[100] = 1;
      });
      expect((await inspectFile(markers)).unsafe).toEqual([
        'the VMDK footer is unsafe: its marker is invalid',
        'the VMDK footer is unsafe: the end-of-stream marker is invalid',
      ]);
    });

    it('over a pipe (length unknown) the footer is unchecked, and the size is the header one', async () => {
      const bytes = readFileSync(withFooter('footer-pipe.vmdk'));
      const result = await inspectImage(readAheadSource(bytes, false));
      expect(result).toMatchObject({ format: 'vmdk', virtualSize: MiB, unchecked: ['the VMDK footer lies at the end of an image of unknown length'] });
      expect(result.unsafe).toBeUndefined();
    });
  });
});

describe('differencing disks', () => {
  it('a VHD of disk type 4 is unsafe', async () => {
    const path = create('diff.vhd', ['-f', 'vpc'], '1M');
    patch(path, 60, [0, 0, 0, 4]);
    expect((await inspectFile(path)).unsafe).toEqual(['the VHD is a differencing disk (it has a parent)']);
  });

  it('a VDI of image type 4 is unsafe', async () => {
    const path = create('diff.vdi', ['-f', 'vdi'], '1M');
    patch(path, 0x4c, [4, 0, 0, 0]);
    expect((await inspectFile(path)).unsafe).toEqual(['VDI image type 4 is not supported (undo and differencing images have a parent)']);
  });

  it('a VHDX with a parent locator or the HasParent parameter is unsafe', async () => {
    const path = create('diff.vhdx', ['-f', 'vhdx'], '1M');
    const data = readFileSync(path);
    const metadata = 3 * MiB;
    const entries = Array.from({ length: data.readUInt16LE(metadata + 10) }, (_, i) => metadata + 32 + i * 32);
    const page83 = entries.find((at) => data.subarray(at, at + 16).equals(Buffer.from(guidBytes('BECA12AB-B2E6-4523-93EF-C309E000C746'))))!;
    const parameters = entries.find((at) => data.subarray(at, at + 16).equals(Buffer.from(guidBytes('CAA16737-FA36-4D43-B3B6-33F0AA44E76B'))))!;
    expect(page83 && parameters).toBeTruthy();
    patch(path, page83, guidBytes('A8D35F2D-B30B-454D-ABF7-D3D84834AB0C'));
    patch(path, metadata + data.readUInt32LE(parameters + 16) + 4, [2, 0, 0, 0]);
    expect((await inspectFile(path)).unsafe).toEqual(['the VHDX is a differencing disk (it has a parent)', 'the VHDX file parameters say it has a parent']);
  });
});

describe('partition tables', () => {
  it('a protective MBR with other partitions (a hybrid MBR), or a bad start, is unsafe', async () => {
    const hybrid = gptDisk(4096);
    mbrSector([
      { type: 0xee, startLba: 1, sectors: 4095 },
      { type: 0x83, startLba: 2048, sectors: 100 },
    ]).copy(hybrid);
    writeFileSync(dir.path('hybrid.raw'), hybrid);
    expect(await inspectFile(dir.path('hybrid.raw'))).toMatchObject({ format: 'gpt', unsafe: ['the GPT protective MBR defines other partitions'] });
    const badStart = gptDisk(4096);
    mbrSector([{ type: 0xee, startLba: 2, sectors: 4094, startChs: [0, 3, 0] }]).copy(badStart);
    writeFileSync(dir.path('bad-start.raw'), badStart);
    expect((await inspectFile(dir.path('bad-start.raw'))).unsafe).toEqual([
      'the GPT protective MBR has an invalid start CHS',
      'the GPT protective MBR has an invalid start LBA',
    ]);
  });
});

describe('polyglots', () => {
  const qcow2Header = () => readFileSync(create('header.qcow2', ['-f', 'qcow2'], '1M')).subarray(0, 512);

  it('an ISO with a qcow2 header at offset 0 is unsafe: qemu opens it as qcow2', async () => {
    const image = isoImage(300);
    qcow2Header().copy(image, 0);
    writeFileSync(dir.path('iso-qcow2'), image);
    expect(qemuInfo(dir.path('iso-qcow2')).format).toBe('qcow2');
    expect(await inspectFile(dir.path('iso-qcow2'))).toMatchObject({
      format: 'qcow2',
      virtualSize: qemuInfo(dir.path('iso-qcow2')).virtualSize,
      unsafe: ['the image also carries an ISO 9660/UDF volume descriptor (a polyglot)'],
    });
  });

  it('an ISO holding a qcow2 image inside, as a file, is an ISO (qemu reads no header but the first)', async () => {
    const image = isoImage(300);
    qcow2Header().copy(image, 40 * ISO_SECTOR);
    writeFileSync(dir.path('iso-with-file'), image);
    expect(qemuInfo(dir.path('iso-with-file')).format).toBe('raw');
    expect(await inspectFile(dir.path('iso-with-file'))).toEqual({ format: 'iso', diskFormat: 'iso', virtualSize: 300 * ISO_SECTOR });
  });

  it('a GPT disk with a qcow2 header at offset 0 is unsafe', async () => {
    const disk = gptDisk(4096);
    qcow2Header().subarray(0, 440).copy(disk, 0);
    writeFileSync(dir.path('gpt-qcow2'), disk);
    expect(await inspectFile(dir.path('gpt-qcow2'))).toMatchObject({ format: 'qcow2', unsafe: ['the image also carries a GPT partition table (a polyglot)'] });
  });

  it('a sparse VMDK that is also an ISO is unsafe', async () => {
    const path = create('iso.vmdk', ['-f', 'vmdk'], '1M');
    patch(path, 16 * ISO_SECTOR, isoImage(18).subarray(16 * ISO_SECTOR));
    expect(await inspectFile(path)).toMatchObject({ format: 'vmdk', unsafe: ['the image also carries an ISO 9660/UDF volume descriptor (a polyglot)'] });
  });

  it('a qcow2 header that also has a VDI signature is unsafe', async () => {
    const path = create('vdi.qcow2', ['-f', 'qcow2'], '1M');
    patch(path, 0x40, [0x7f, 0x10, 0xda, 0xbe]);
    expect(await inspectFile(path)).toMatchObject({ format: 'qcow2', unsafe: ['the image also carries a vdi header (a polyglot)'] });
  });
});

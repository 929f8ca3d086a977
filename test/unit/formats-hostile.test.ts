// Hostile and truncated images: huge sizes and counts, offsets past the end, loops, short reads,
// broken sources. Inspection always answers (the image's bytes never make it throw), reads a bounded
// amount whatever the headers claim, and a source that breaks its contract gets ImageSourceError.
import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImageInspection, type ImageSource, ImageSourceError, inspectImage, readAheadSource } from '../../src/formats/index.js';
import { gptDisk, isoImage, qemuImg, scratch } from '../helpers/disk-images.js';

const MiB = 1 << 20;
const FORMATS = ['raw', 'qcow2', 'qed', 'vmdk', 'vhd', 'vhdx', 'vdi', 'iso', 'luks', 'gpt', 'mbr'];
const dir = scratch('formats-hostile');
afterAll(() => dir.remove());

/** Real images to cut and mutate, by name. */
const images = new Map<string, Buffer>();
beforeAll(() => {
  const made: [string, string[]][] = [
    ['qcow2', ['-f', 'qcow2', '-o', 'data_file=qcow2.data']],
    ['qed', ['-f', 'qed']],
    ['vmdk', ['-f', 'vmdk']],
    ['stream.vmdk', ['-f', 'vmdk', '-o', 'subformat=streamOptimized']],
    ['vhd', ['-f', 'vpc']],
    ['vhdx', ['-f', 'vhdx']],
    ['vdi', ['-f', 'vdi']],
  ];
  for (const [name, options] of made) {
    qemuImg(['create', '-q', ...options, dir.path(name), '2M'], dir.dir);
    images.set(name, readFileSync(dir.path(name)));
  }
  images.set('iso', isoImage(64));
  images.set('gpt', gptDisk(4096));
  writeFileSync(dir.path('descriptor.vmdk'), '# Disk DescriptorFile\nversion=1\ncreateType="monolithicFlat"\nRW 4096 FLAT "x.raw" 0\n');
  images.set('descriptor.vmdk', readFileSync(dir.path('descriptor.vmdk')));
});

/** A source over `bytes` that counts what it is asked for. */
function counted(bytes: Uint8Array, options: { size?: number } = {}): { source: ImageSource; reads: { calls: number; bytes: number } } {
  const reads = { calls: 0, bytes: 0 };
  const source: ImageSource = {
    head: bytes.subarray(0, MiB),
    size: options.size ?? bytes.length,
    read: async (offset, length) => {
      reads.calls += 1;
      reads.bytes += length;
      return bytes.subarray(offset, offset + length);
    },
  };
  return { source, reads };
}

function expectWellFormed(result: ImageInspection): void {
  expect(FORMATS).toContain(result.format);
  if (result.virtualSize !== undefined) expect(Number.isSafeInteger(result.virtualSize) && result.virtualSize >= 0).toBe(true);
  for (const reason of [...(result.unsafe ?? []), ...(result.unchecked ?? [])]) expect(reason.length).toBeLessThan(200);
}

const patched = (name: string, at: number, bytes: number[] | Buffer) => {
  const copy = Buffer.from(images.get(name)!);
  Buffer.from(bytes).copy(copy, at);
  return copy;
};
const u64le = (value: bigint) => Buffer.from(new BigUint64Array([value]).buffer);
const u64be = (value: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(value);
  return b;
};
const inspect = (bytes: Uint8Array) => inspectImage(counted(bytes).source);

describe('truncated images', () => {
  it('keep their format, and say their header lies beyond the end when it does', async () => {
    for (const [name, bytes] of images) {
      const full = await inspect(bytes);
      for (const length of [8, 80, 300, 520, 1100, 0x9000, 0x30010, 0x30100, 0x300010, bytes.length - 1]) {
        if (length >= bytes.length) continue;
        const result = await inspect(bytes.subarray(0, length));
        expectWellFormed(result);
        const cut = result.unsafe?.some((r) => r.endsWith('lies beyond the end of the image'));
        if (result.format === full.format)
          expect(cut || result.virtualSize === full.virtualSize || result.virtualSize === length, `${name} cut at ${length}`).toBe(true);
        else expect(['raw', 'mbr', 'gpt'], `${name} cut at ${length} is ${result.format}`).toContain(result.format);
      }
    }
  });

  it('a qcow2 header cut short is unsafe', async () => {
    expect((await inspect(images.get('qcow2')!.subarray(0, 50))).unsafe).toEqual(['the qcow2 header lies beyond the end of the image']);
  });
});

describe('hostile headers', () => {
  it('sizes past 2^53 are not reported, and are unsafe where the format would trust them', async () => {
    const qcow2 = await inspect(patched('qcow2', 24, u64be(2n ** 64n - 1n)));
    expect(qcow2.virtualSize).toBeUndefined();
    expect(qcow2.unsafe).toContain('the qcow2 virtual size is implausibly large');
    const vmdk = await inspect(patched('vmdk', 12, u64le(2n ** 60n)));
    expect(vmdk).toMatchObject({ format: 'vmdk', unsafe: ['the VMDK capacity is implausibly large'] });
    expect(vmdk.virtualSize).toBeUndefined();
    expect((await inspect(patched('vdi', 0x170, u64le(2n ** 64n - 1n)))).virtualSize).toBeUndefined();
  });

  it('qcow2: invalid cluster sizes, header lengths and extension lengths are unsafe, not followed', async () => {
    expect((await inspect(patched('qcow2', 20, [0, 0, 0, 63]))).unsafe).toContain('the qcow2 cluster size (2^63) is invalid');
    expect((await inspect(patched('qcow2', 100, [0xff, 0xff, 0xff, 0xf8]))).unsafe).toContain('the qcow2 header is longer than its first cluster');
    expect((await inspect(patched('qcow2', 100, [0, 0, 0, 7]))).unsafe).toContain('the qcow2 header length (7) is invalid');
    const extensionAt = images.get('qcow2')!.readUInt32BE(100);
    expect((await inspect(patched('qcow2', extensionAt + 4, [0xff, 0xff, 0xff, 0xff]))).unsafe).toContain(
      'a qcow2 header extension runs past the first cluster',
    );
  });

  it('VHDX: huge counts and offsets are unsafe, not followed', async () => {
    const regions = 0x30000;
    expect((await inspect(patched('vhdx', regions + 8, [0xff, 0xff, 0xff, 0xff]))).unsafe).toEqual([
      'the VHDX region table claims 4294967295 entries (at most 2047)',
    ]);
    expect(await inspect(patched('vhdx', regions, Buffer.from('nope')))).toMatchObject({
      format: 'vhdx',
      unsafe: ['the VHDX region table has no "regi" signature'],
    });
    const vhdx = images.get('vhdx')!;
    const metadataEntry = [0, 1].map((i) => regions + 16 + i * 32).find((at) => vhdx[at] === 0x06 && vhdx[at + 1] === 0xa2)!;
    expect((await inspect(patched('vhdx', metadataEntry + 16, u64le(2n ** 63n)))).unsafe).toEqual([
      'the VHDX metadata region lies beyond the end of the image',
    ]);
    expect((await inspect(patched('vhdx', metadataEntry + 16, u64le(2n ** 40n)))).unsafe).toEqual(['the VHDX metadata table lies beyond the end of the image']);
    expect(await inspect(patched('vhdx', 3 * MiB + 10, [0xff, 0xff]))).toMatchObject({
      unsafe: ['the VHDX metadata table claims 65535 entries (at most 2047)'],
    });
  });

  it('VMDK: a descriptor of 1 MiB with no end is read once, within bounds; other versions and places are unsafe', async () => {
    const endless = Buffer.alloc(3 * MiB, '#');
    images.get('vmdk')!.copy(endless, 0, 0, 512);
    endless.write('\nversion=1\n', 512);
    const { source, reads } = counted(endless);
    expect(await inspectImage(source)).toMatchObject({
      format: 'vmdk',
      unsafe: ['the VMDK descriptor has no createType', 'the VMDK descriptor has no extents'],
    });
    expect(reads.calls).toBeLessThanOrEqual(1);
    expect((await inspect(patched('vmdk', 4, [9, 0, 0, 0]))).unsafe).toEqual(['VMDK version 9 is not supported']);
    expect((await inspect(patched('vmdk', 28, u64le(7n)))).unsafe).toEqual(['the VMDK descriptor is not at sector 1']);
    expect(await inspect(Buffer.from('COWD\x01\0\0\0'))).toEqual({ format: 'vmdk', diskFormat: 'vmdk', unsafe: ['VMDK3 (COWD) images are not supported'] });
  });

  it('ISO: a volume descriptor set with no primary and no terminator ends, with no size', async () => {
    const iso = Buffer.alloc(MiB);
    for (let at = 0x8000; at < MiB; at += 2048) {
      iso[at] = 2;
      iso.write('CD001', at + 1);
    }
    expect(await inspect(iso)).toEqual({ format: 'iso', diskFormat: 'iso' });
  });
});

describe('over a pipe (the read-ahead only)', () => {
  it('a VHDX size lies beyond a 1 MiB read-ahead: unchecked', async () => {
    const result = await inspectImage(readAheadSource(images.get('vhdx')!.subarray(0, MiB), false));
    expect(result).toEqual({ format: 'vhdx', diskFormat: 'vhdx', unchecked: ['the VHDX metadata table lies beyond the bytes available'] });
  });

  it('a read-ahead too short for the ISO signature says so', async () => {
    const result = await inspectImage(readAheadSource(images.get('iso')!.subarray(0, 4096), false));
    expect(result).toEqual({ format: 'raw', diskFormat: 'raw', unchecked: ['format signatures lie beyond the bytes available'] });
  });

  it('a fixed VHD reads as raw: its footer is at an end a pipe does not know', async () => {
    qemuImg(['create', '-q', '-f', 'vpc', '-o', 'subformat=fixed', dir.path('fixed.vhd'), '1M']);
    const bytes = readFileSync(dir.path('fixed.vhd'));
    expect((await inspectImage(readAheadSource(bytes.subarray(0, MiB), false))).format).toBe('raw');
    expect((await inspectImage(readAheadSource(bytes, true))).format).toBe('vhd');
  });

  it('a stream that ended within the read-ahead is the whole image: what is missing is truncation', async () => {
    const result = await inspectImage(readAheadSource(images.get('vhdx')!.subarray(0, MiB), true));
    expect(result.unsafe).toEqual(['the VHDX metadata table lies beyond the end of the image']);
  });
});

describe('sources that break the contract', () => {
  it('throw ImageSourceError; an I/O error of the source goes through as it is', async () => {
    await expect(inspectImage({ head: 'QFI' as unknown as Uint8Array })).rejects.toThrow(ImageSourceError);
    await expect(inspectImage({ head: new Uint8Array(10), size: 5 })).rejects.toThrow(ImageSourceError);
    const vhdx = images.get('vhdx')!;
    const tooLong: ImageSource = { head: vhdx.subarray(0, MiB), size: vhdx.length, read: async (_o, length) => new Uint8Array(length + 1) };
    await expect(inspectImage(tooLong)).rejects.toThrow(ImageSourceError);
    const notBytes: ImageSource = { head: vhdx.subarray(0, MiB), size: vhdx.length, read: async () => 'x' as unknown as Uint8Array };
    await expect(inspectImage(notBytes)).rejects.toThrow(ImageSourceError);
    const failing: ImageSource = { head: vhdx.subarray(0, MiB), size: vhdx.length, read: async () => Promise.reject(new Error('EIO')) };
    await expect(inspectImage(failing)).rejects.toThrow('EIO');
  });
});

describe('fuzzing', () => {
  /** A source of any length whose bytes past `bytes` are a repeating pattern, made on demand. */
  function vast(bytes: Uint8Array, size: number) {
    const reads = { calls: 0, bytes: 0 };
    const source: ImageSource = {
      head: bytes.subarray(0, MiB),
      size: Math.max(size, bytes.length),
      read: async (offset, length) => {
        reads.calls += 1;
        reads.bytes += length;
        const out = new Uint8Array(Math.max(0, Math.min(length, Math.max(size, bytes.length) - offset)));
        for (let i = 0; i < out.length; i++) out[i] = offset + i < bytes.length ? bytes[offset + i]! : (offset + i) % 251;
        return out;
      },
    };
    return { source, reads };
  }

  it('random bytes: always an answer, well formed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 40_000 }), fc.boolean(), async (bytes, ended) => {
        expectWellFormed(await inspectImage(readAheadSource(bytes, ended)));
        expectWellFormed(await inspectImage(counted(bytes).source));
      }),
      { numRuns: 300 },
    );
  });

  it('mutated real headers: always an answer, within the read budget, whatever length the image claims', async () => {
    const names = [...images.keys()];
    const hot = [0, 8, 12, 20, 24, 28, 36, 56, 64, 72, 100, 104, 446, 510, 512, 0x170, 0x8000, 0x30000, 0x30010, 0x30030, 3 * MiB, 3 * MiB + 32];
    const mutation = fc.record({
      at: fc.oneof(fc.constantFrom(...hot), fc.integer({ min: 0, max: 4 * MiB })),
      shift: fc.integer({ min: 0, max: 64 }),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.array(mutation, { maxLength: 6 }),
        fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 2 ** 50 })),
        async (name, mutations, claimedSize) => {
          const bytes = Buffer.from(images.get(name)!);
          for (const { at, shift, bytes: b } of mutations) if (at + shift < bytes.length) Buffer.from(b).copy(bytes, at + shift);
          const { source, reads } = vast(bytes, claimedSize ?? bytes.length);
          const started = Date.now();
          expectWellFormed(await inspectImage(source));
          expect(Date.now() - started).toBeLessThan(5000);
          expect(reads.calls).toBeLessThanOrEqual(32);
          expect(reads.bytes).toBeLessThanOrEqual(4 * MiB);
        },
      ),
      { numRuns: 300 },
    );
  });
});

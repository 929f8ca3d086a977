// The rule for when content contradicts a declared --disk-format, and how refusals read.
import { describe, expect, it } from 'vitest';
import { binarySize, formatContradicts, formatRefusal, unsafeRefusal } from '../../src/cli/glance/support/content-check.js';
import type { ImageFormat, ImageInspection } from '../../src/formats/index.js';

const found = (format: ImageFormat, tailSeen = true) => ({
  inspection: { format, diskFormat: format === 'gpt' || format === 'mbr' ? 'raw' : format, virtualSize: 5 * 2 ** 30 } as ImageInspection,
  tailSeen,
});

describe('formatContradicts', () => {
  it.each([
    // declared, found, contradicts
    ['qcow2', 'qcow2', false],
    ['iso', 'iso', false],
    ['raw', 'raw', false],
    ['raw', 'gpt', false],
    ['raw', 'mbr', false],
    ['ami', 'raw', false],
    ['ari', 'raw', false],
    ['aki', 'mbr', false],
    ['ploop', 'raw', false], // the inspector cannot recognise ploop
    ['raw', 'qcow2', true],
    ['raw', 'iso', true],
    ['raw', 'luks', true],
    ['ami', 'qcow2', true],
    ['ploop', 'qcow2', true],
    ['qcow2', 'raw', true],
    ['iso', 'raw', true],
    ['vmdk', 'qcow2', true],
    ['vhd', 'raw', true],
    ['iso', 'gpt', true],
  ] as const)('%s declared, %s found: %s', (declared, format, expected) => {
    expect(formatContradicts(declared, found(format))).toBe(expected);
  });

  it('vhd declared, raw found where the end was out of reach (a fixed VHD over a pipe): not a contradiction', () => {
    expect(formatContradicts('vhd', found('raw', false))).toBe(false);
    expect(formatContradicts('qcow2', found('raw', false))).toBe(true);
  });
});

describe('refusals', () => {
  it('name the file, what it is and the fix, in one line', () => {
    expect(formatRefusal('fedora.img', 'raw', found('qcow2'))).toBe('fedora.img is qcow2 (virtual size 5 GiB), not raw: use --disk-format qcow2');
    expect(formatRefusal('disk.img', 'qcow2', found('gpt'))).toBe(
      'disk.img is a raw disk with a GPT partition table (virtual size 5 GiB), not qcow2: use --disk-format raw',
    );
    expect(formatRefusal('data.bin', 'vmdk', found('raw'))).toBe('data.bin is raw data (no disk image header), not vmdk: use --disk-format raw');
    expect(formatRefusal('fedora.img', 'qcow2', found('qcow2'))).toBeUndefined();
  });

  it('unsafe content names every reason and the flag', () => {
    const inspection: ImageInspection = { format: 'qcow2', diskFormat: 'qcow2', unsafe: ['the qcow2 image has a backing file', 'a second reason'] };
    expect(unsafeRefusal('x.qcow2', inspection)).toBe(
      'x.qcow2 is unsafe to upload: the qcow2 image has a backing file; a second reason (--allow-unsafe-image sends it anyway)',
    );
    expect(unsafeRefusal('x.qcow2', { format: 'qcow2', diskFormat: 'qcow2' })).toBeUndefined();
  });

  it('sizes are in binary units, at most one decimal', () => {
    expect([0, 512, 1024, 1536, 5 * 2 ** 30, 67125248, 2 ** 53].map(binarySize)).toEqual(['0 B', '512 B', '1 KiB', '1.5 KiB', '5 GiB', '64 MiB', '8 PiB']);
  });
});

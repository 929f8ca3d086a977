// VHD, "vpc" to qemu (big-endian 512-byte footer): https://github.com/qemu/qemu/blob/master/block/vpc.c
// Dynamic and differencing disks carry a copy of the footer at offset 0; a fixed disk has it only in
// its last 512 bytes. qemu's probe looks at offset 0 only (it calls a fixed VHD raw), and so does
// `vhd`; `fixedVhd` reads the end, which needs the image's length and a read callback: over a pipe a
// fixed VHD reads as raw. The size is qemu's (CHS geometry, or the footer's current size for the
// creators that mean it), not Glance's (the footer's original size): it is what qemu-img info reports.
import { exact, hasMagic, latin1, u16be, u32be, u64be } from './bytes.js';
import type { FormatInspector } from './inspector.js';
import type { Notes } from './reader.js';

const FOOTER = 512;
const FIXED = 2;
const DYNAMIC = 3;
const DIFFERENCING = 4;
/** Creators whose size is the footer's current size; qemu reads the rest's size from the CHS geometry. */
const CURRENT_SIZE_CREATORS = new Set(['win ', 'qem2', 'd2v ', 'CTXS', 'tap\0']);
const MAX_CHS_SECTORS = 65535 * 16 * 255;

export const vhd: FormatInspector = {
  probe: async (reader) => (hasMagic(await reader.peek(0, 8), 0, 'conectix') ? 'vhd' : undefined),

  async inspect(reader, notes) {
    const footer = await reader.need(0, FOOTER, 'the VHD footer', notes);
    return footer && footerSize(footer, notes);
  },
};

export const fixedVhd: FormatInspector = {
  async probe(reader) {
    const at = reader.size === undefined ? undefined : reader.size - FOOTER;
    if (at === undefined || at < 0) return undefined;
    return hasMagic(await reader.peek(at, 8), 0, 'conectix') ? 'vhd' : undefined;
  },

  async inspect(reader, notes) {
    const footer = await reader.need((reader.size ?? 0) - FOOTER, FOOTER, 'the VHD footer', notes);
    return footer && footerSize(footer, notes);
  },
};

/** The virtual size qemu gives the disk this footer describes. */
function footerSize(footer: Uint8Array, notes: Notes): number | undefined {
  const type = u32be(footer, 60);
  if (type === DIFFERENCING) notes.unsafe.push('the VHD is a differencing disk (it has a parent)');
  else if (type !== FIXED && type !== DYNAMIC) notes.unsafe.push(`VHD disk type ${type} is not supported`);
  const chsSectors = u16be(footer, 56) * footer[58]! * footer[59]!;
  if (CURRENT_SIZE_CREATORS.has(latin1(footer, 28, 4)) || chsSectors === MAX_CHS_SECTORS) {
    const currentSize = exact(u64be(footer, 48) & ~511n);
    if (currentSize === undefined) notes.unsafe.push('the VHD size is implausibly large');
    return currentSize;
  }
  return chsSectors * 512;
}

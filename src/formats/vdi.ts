// VirtualBox VDI (little-endian): signature at 0x40, image type at 0x4c, disk size at 0x170
// (qemu block/vdi.c). qemu opens only normal (dynamic) and fixed images: undo and differencing
// ones have a parent.
import { exact, hasMagic, u32le, u64le } from './bytes.js';
import type { FormatInspector } from './inspector.js';

const SIGNATURE = [0x7f, 0x10, 0xda, 0xbe];
const HEADER = 0x178;
const DYNAMIC = 1;
const FIXED = 2;

export const vdi: FormatInspector = {
  probe: async (reader) => (hasMagic(await reader.peek(0x40, 4), 0, SIGNATURE) ? 'vdi' : undefined),

  async inspect(reader, notes) {
    const header = await reader.need(0, HEADER, 'the VDI header', notes);
    if (!header) return undefined;
    const type = u32le(header, 0x4c);
    if (type !== DYNAMIC && type !== FIXED) notes.unsafe.push(`VDI image type ${type} is not supported (undo and differencing images have a parent)`);
    return exact(u64le(header, 0x170));
  },
};

// LUKS version 1 (big-endian): https://gitlab.com/cryptsetup/cryptsetup/-/wikis/LUKS-standard/on-disk-format.pdf
// The virtual size is what follows the payload offset, so it needs the image's length. qemu reads
// LUKS1 only.
import { hasMagic, u16be, u32be } from './bytes.js';
import type { FormatInspector } from './inspector.js';

const HEADER = 592;

export const luks: FormatInspector = {
  probe: async (reader) => (hasMagic(await reader.peek(0, 6), 0, 'LUKS\xba\xbe') ? 'luks' : undefined),

  async inspect(reader, notes) {
    const header = await reader.need(0, HEADER, 'the LUKS header', notes);
    if (!header) return undefined;
    const version = u16be(header, 6);
    if (version !== 1) {
      notes.unsafe.push(`LUKS version ${version} is not supported`);
      return undefined;
    }
    const payload = u32be(header, 104) * 512;
    if (reader.size === undefined) return undefined;
    if (payload > reader.size) {
      notes.unsafe.push('the LUKS payload lies beyond the end of the image');
      return undefined;
    }
    return reader.size - payload;
  },
};

// QED (little-endian): https://wiki.qemu.org/Features/QED/Specification. Glance refuses QED outright.
import { exact, hasMagic, u64le } from './bytes.js';
import type { FormatInspector } from './inspector.js';

const HEADER = 56;
const BACKING_FILE_FEATURE = 1n;

export const qed: FormatInspector = {
  probe: async (reader) => (hasMagic(await reader.peek(0, 4), 0, 'QED\0') ? 'qed' : undefined),

  async inspect(reader, notes) {
    notes.unsafe.push('QED images are not supported');
    const header = await reader.need(0, HEADER, 'the QED header', notes);
    if (!header) return undefined;
    if (u64le(header, 16) & BACKING_FILE_FEATURE) notes.unsafe.push('the QED image has a backing file');
    return exact(u64le(header, 48));
  },
};

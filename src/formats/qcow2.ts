// QCOW2 (big-endian): https://gitlab.com/qemu-project/qemu/-/blob/master/docs/interop/qcow2.txt
// Unsafe, as Glance (OSSA-2024-001) and oslo.utils judge it: a backing file, an external data file
// (the incompatible feature bit or a data-file header extension), incompatible features Glance does
// not know, a version other than 2 and 3.
import { exact, hasMagic, u32be, u64be } from './bytes.js';
import type { FormatInspector } from './inspector.js';
import type { ImageReader, Notes } from './reader.js';

const V2_HEADER = 72;
const V3_HEADER = 104;
const EXTERNAL_DATA_FILE_BIT = 1n << 2n;
/** Incompatible feature bits Glance accepts: dirty, corrupt, external data file (refused on its own), compression type. */
const KNOWN_INCOMPATIBLE = 0b1111n;
const DATA_FILE_EXTENSION = 0x44415441;

export const qcow2: FormatInspector = {
  probe: async (reader) => (hasMagic(await reader.peek(0, 4), 0, 'QFI\xfb') ? 'qcow2' : undefined),

  async inspect(reader, notes) {
    const header = await reader.need(0, V2_HEADER, 'the qcow2 header', notes);
    if (!header) return undefined;
    const version = u32be(header, 4);
    const backingFileOffset = u64be(header, 8);
    const virtualSize = exact(u64be(header, 24));
    if (virtualSize === undefined) notes.unsafe.push('the qcow2 virtual size is implausibly large');
    if (backingFileOffset !== 0n) notes.unsafe.push('the qcow2 image has a backing file');
    if (version === 1) {
      notes.unsafe.push('qcow version 1 is not supported');
      return virtualSize;
    }
    if (version !== 2 && version !== 3) {
      notes.unsafe.push(`qcow2 version ${version} is not supported`);
      return undefined;
    }
    const clusterBits = u32be(header, 20);
    if (clusterBits < 9 || clusterBits > 21) {
      notes.unsafe.push(`the qcow2 cluster size (2^${clusterBits}) is invalid`);
      return virtualSize;
    }
    let extensionsStart = V2_HEADER;
    if (version === 3) {
      const v3 = await reader.need(0, V3_HEADER, 'the qcow2 version 3 header', notes);
      if (!v3) return virtualSize;
      const incompatible = u64be(v3, 72);
      if (incompatible & EXTERNAL_DATA_FILE_BIT) notes.unsafe.push('the qcow2 image has an external data file');
      if (incompatible & ~KNOWN_INCOMPATIBLE) notes.unsafe.push('the qcow2 image has unknown incompatible features');
      extensionsStart = u32be(v3, 100);
      if (extensionsStart < V3_HEADER || extensionsStart % 8 !== 0) {
        notes.unsafe.push(`the qcow2 header length (${extensionsStart}) is invalid`);
        return virtualSize;
      }
    }
    await checkExtensions(reader, notes, extensionsStart, extensionsEnd(1 << clusterBits, backingFileOffset, extensionsStart));
    return virtualSize;
  },
};

/** Extensions run to the end of the first cluster, or to the backing file name when that lies inside it. */
function extensionsEnd(clusterSize: number, backingFileOffset: bigint, start: number): number {
  const backing = exact(backingFileOffset);
  return backing !== undefined && backing > start && backing < clusterSize ? backing : clusterSize;
}

/** Walks the header extensions (type, length, data padded to 8 bytes) looking for a data-file name. */
async function checkExtensions(reader: ImageReader, notes: Notes, start: number, end: number): Promise<void> {
  if (start >= end) {
    notes.unsafe.push('the qcow2 header is longer than its first cluster');
    return;
  }
  const { bytes, complete } = await reader.upTo(start, end - start);
  let at = 0;
  while (at + 8 <= bytes.length) {
    const type = u32be(bytes, at);
    const length = u32be(bytes, at + 4);
    if (type === 0) return;
    if (type === DATA_FILE_EXTENSION) notes.unsafe.push('the qcow2 image names an external data file');
    const next = at + 8 + Math.ceil(length / 8) * 8;
    if (start + next > end) {
      notes.unsafe.push('a qcow2 header extension runs past the first cluster');
      return;
    }
    at = next;
  }
  if (!complete) notes.unchecked.push('the qcow2 header extensions lie beyond the bytes available');
}

// VHDX (little-endian): https://learn.microsoft.com/en-us/openspecs/windows_protocols/ms-vhdx/
// The size is a metadata item: region table (192 KiB) → metadata region → metadata table → the
// "virtual disk size" item. qemu puts the metadata region at 3 MiB, past a 1 MiB head, so over a pipe
// the size is unchecked. A parent locator, or the HasParent file parameter, makes a differencing disk.
// Checksums are not verified (nor by Glance); the first region table is the one read.
import { exact, guidBytes, hasMagic, u16le, u32le, u64le } from './bytes.js';
import type { FormatInspector } from './inspector.js';
import type { ImageReader, Notes } from './reader.js';

const REGION_TABLE = 192 * 1024;
const MAX_ENTRIES = 2047;
const METADATA_REGION = guidBytes('8B7CA206-4790-4B9A-B8FE-575F050F886E');
const VIRTUAL_DISK_SIZE = guidBytes('2FA54224-CD1B-4876-B211-5DBED83BF4B8');
const FILE_PARAMETERS = guidBytes('CAA16737-FA36-4D43-B3B6-33F0AA44E76B');
const PARENT_LOCATOR = guidBytes('A8D35F2D-B30B-454D-ABF7-D3D84834AB0C');
const HAS_PARENT = 2;

export const vhdx: FormatInspector = {
  probe: async (reader) => (hasMagic(await reader.peek(0, 8), 0, 'vhdxfile') ? 'vhdx' : undefined),

  async inspect(reader, notes) {
    const metadata = await metadataRegion(reader, notes);
    if (metadata === undefined) return undefined;
    const table = await entries(reader, notes, metadata, 'metadata', u16le, 10, 'the VHDX metadata table');
    if (!table) return undefined;
    const find = (guid: number[]) => table.find((entry) => hasMagic(entry, 0, guid));
    if (find(PARENT_LOCATOR)) notes.unsafe.push('the VHDX is a differencing disk (it has a parent)');
    const parameters = find(FILE_PARAMETERS);
    if (parameters) {
      const item = await reader.need(metadata + u32le(parameters, 16), 8, 'the VHDX file parameters', notes);
      if (item && u32le(item, 4) & HAS_PARENT) notes.unsafe.push('the VHDX file parameters say it has a parent');
    }
    const sizeEntry = find(VIRTUAL_DISK_SIZE);
    if (!sizeEntry) {
      notes.unsafe.push('the VHDX metadata has no virtual disk size');
      return undefined;
    }
    const item = await reader.need(metadata + u32le(sizeEntry, 16), 8, 'the VHDX virtual disk size', notes);
    return item && exact(u64le(item, 0));
  },
};

/** Where the metadata region starts, from the region table. */
async function metadataRegion(reader: ImageReader, notes: Notes): Promise<number | undefined> {
  const regions = await entries(reader, notes, REGION_TABLE, 'regi', u32le, 8, 'the VHDX region table');
  const entry = regions?.find((e) => hasMagic(e, 0, METADATA_REGION));
  if (regions && !entry) notes.unsafe.push('the VHDX region table has no metadata region');
  if (!entry) return undefined;
  const offset = exact(u64le(entry, 16));
  if (offset === undefined) notes.unsafe.push('the VHDX metadata region lies beyond the end of the image');
  return offset;
}

/** The 32-byte entries of a table whose 32-byte header (16 for the region table) starts with `signature` and counts them. */
async function entries(
  reader: ImageReader,
  notes: Notes,
  at: number,
  signature: string,
  readCount: (b: Uint8Array, at: number) => number,
  countAt: number,
  what: string,
): Promise<Uint8Array[] | undefined> {
  const headerLength = signature === 'regi' ? 16 : 32;
  const header = await reader.need(at, headerLength, what, notes);
  if (!header) return undefined;
  if (!hasMagic(header, 0, signature)) {
    notes.unsafe.push(`${what} has no "${signature}" signature`);
    return undefined;
  }
  const count = readCount(header, countAt);
  if (count > MAX_ENTRIES) {
    notes.unsafe.push(`${what} claims ${count} entries (at most ${MAX_ENTRIES})`);
    return undefined;
  }
  const body = await reader.need(at + headerLength, count * 32, what, notes);
  return body && Array.from({ length: count }, (_, i) => body.subarray(i * 32, i * 32 + 32));
}

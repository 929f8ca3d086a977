// The VMDK descriptor: text lines of `key=value` fields, `ddb.*` entries and extents
// (`RW 16384 SPARSE "disk.vmdk"`, `RW 18432 FLAT "disk-flat.vmdk" 0`, `RW 0 ZERO`).
// Read case-insensitively and cautiously, as oslo.utils does: a line of any other shape is refused.
import { times } from './bytes.js';
import type { Notes } from './reader.js';

export interface Extent {
  sectors: number;
  type: string;
  file?: string;
}

export interface Descriptor {
  createType?: string;
  extents: Extent[];
}

const EXTENT = /^(rw|rdonly|noaccess)\s+(\d{1,15})\s+([a-z]+)(?:\s+"([^"]*)"(?:\s+\d{1,15})?)?$/i;
const CREATE_TYPE = /^createtype\s*=\s*"([^"]*)"$/i;
/** Longest text quoted back in a reason. */
const QUOTE = 64;

/** The descriptor's create type and extents; lines it cannot read go to `notes` as unsafe. */
export function parseDescriptor(text: string, notes: Notes): Descriptor {
  const descriptor: Descriptor = { extents: [] };
  if (/[^\x00-\x7f]/.test(text)) notes.unsafe.push('the VMDK descriptor is not ASCII text');
  let refused = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || /^ddb/i.test(line)) continue;
    const extent = EXTENT.exec(line);
    if (extent) {
      descriptor.extents.push({ sectors: Number(extent[2]), type: extent[3]!.toUpperCase(), ...(extent[4] !== undefined && { file: extent[4] }) });
      continue;
    }
    const equals = line.indexOf('=');
    if (equals > 0 && !/\s/.test(line.slice(0, equals))) {
      const createType = CREATE_TYPE.exec(line);
      if (createType) descriptor.createType = createType[1];
      continue;
    }
    if (refused++ === 0) notes.unsafe.push(`the VMDK descriptor has a line that is not understood: ${quote(line)}`);
  }
  return descriptor;
}

/** The sum of the extents' sizes, in bytes (what qemu reports for a descriptor-only VMDK). */
export function extentsSize(extents: readonly Extent[]): number | undefined {
  let total = 0;
  for (const { sectors } of extents) {
    const bytes = times(sectors, 512);
    if (bytes === undefined || !Number.isSafeInteger(total + bytes)) return undefined;
    total += bytes;
  }
  return total;
}

/** `text` in quotes, cut short: reasons stay one short line whatever the image holds. */
export function quote(text: string): string {
  return JSON.stringify(text.length > QUOTE ? `${text.slice(0, QUOTE)}…` : text);
}

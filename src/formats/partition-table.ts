// Partition tables of a raw disk (little-endian): an MBR is four 16-byte entries at 446 and 0x55AA at
// 510; a GPT disk has a protective MBR with one entry of type 0xEE from LBA 1
// (https://uefi.org/specs/UEFI/2.10/05_GUID_Partition_Table_Format.html). A FAT boot sector looks
// like an MBR and is not one (two FATs, fixed-disk media). A first sector whose entries are not
// plausible (bad boot flags, none in use) is no table: the disk reads as raw, and qemu reads it so.
// A protective MBR that is not exactly that is unsafe, as oslo.utils holds.
import { hasMagic, u32le } from './bytes.js';
import type { FormatInspector } from './inspector.js';

const ENTRIES = 446;
const GPT_PROTECTIVE = 0xee;

interface Entry {
  boot: number;
  startChs: number[];
  type: number;
  startLba: number;
}

function entries(sector: Uint8Array): Entry[] {
  return [0, 1, 2, 3].map((i) => {
    const at = ENTRIES + i * 16;
    return { boot: sector[at]!, startChs: [...sector.subarray(at + 1, at + 4)], type: sector[at + 4]!, startLba: u32le(sector, at + 8) };
  });
}

function isFatBootSector(sector: Uint8Array): boolean {
  return sector[0x10] === 2 && sector[0x15] === 0xf8;
}

export const partitionTable: FormatInspector = {
  async probe(reader) {
    const sector = await reader.peek(0, 512);
    if (!sector || !hasMagic(sector, 510, [0x55, 0xaa]) || isFatBootSector(sector)) return undefined;
    const table = entries(sector);
    if (!table.every((e) => e.boot === 0 || e.boot === 0x80) || !table.some((e) => e.type !== 0)) return undefined;
    return table.some((e) => e.type === GPT_PROTECTIVE) ? 'gpt' : 'mbr';
  },

  async inspect(reader, notes) {
    const sector = await reader.need(0, 512, 'the MBR', notes);
    if (!sector) return undefined;
    const table = entries(sector);
    const used = table.flatMap((e, i) => (e.type === 0 ? [] : [i]));
    const protective = table.find((e) => e.type === GPT_PROTECTIVE);
    if (protective) {
      if (protective.startChs.join() !== '0,2,0') notes.unsafe.push('the GPT protective MBR has an invalid start CHS');
      if (protective.startLba !== 1) notes.unsafe.push('the GPT protective MBR has an invalid start LBA');
      if (used.join() !== '0') notes.unsafe.push('the GPT protective MBR defines other partitions');
    }
    return reader.size;
  },
};

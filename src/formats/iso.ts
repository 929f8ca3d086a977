// ISO 9660 and UDF: volume descriptors are 2048-byte sectors from 32 KiB on, after a system area
// that may hold anything (an MBR or GPT, on a hybrid ISO). The signature is "CD001" (ISO 9660) or
// "NSR02"/"NSR03" (UDF) in one of the first three; the size is the primary volume descriptor's
// block count times its block size (both-endian fields: the little-endian halves are read).
import { hasMagic, times, u16le, u32le } from './bytes.js';
import type { FormatInspector } from './inspector.js';

const FIRST_DESCRIPTOR = 0x8000;
const SECTOR = 2048;
const SIGNATURE_SECTORS = 3;
/** Descriptors looked through for the primary one; real images have a handful before the terminator. */
const MAX_DESCRIPTORS = 32;
const PRIMARY = 1;
const TERMINATOR = 255;

export const iso: FormatInspector = {
  async probe(reader) {
    for (let i = 0; i < SIGNATURE_SECTORS; i++) {
      const id = await reader.peek(FIRST_DESCRIPTOR + i * SECTOR + 1, 5);
      if (hasMagic(id, 0, 'CD001') || hasMagic(id, 0, 'NSR02') || hasMagic(id, 0, 'NSR03')) return 'iso';
    }
    return undefined;
  },

  async inspect(reader, notes) {
    for (let i = 0; i < MAX_DESCRIPTORS; i++) {
      const descriptor = await reader.need(FIRST_DESCRIPTOR + i * SECTOR, SECTOR, 'an ISO volume descriptor', notes);
      if (!descriptor || descriptor[0] === TERMINATOR) return undefined;
      if (descriptor[0] === PRIMARY && hasMagic(descriptor, 1, 'CD001')) return times(u32le(descriptor, 80), u16le(descriptor, 128));
    }
    return undefined;
  },
};

// VMDK: https://www.vmware.com/app/vmdk/?src=vmdk and qemu block/vmdk.c.
// - A sparse extent ("KDMV", little-endian 512-byte header) embeds its descriptor at sector 1; only
//   monolithicSparse and streamOptimized are single files. qemu reads the descriptor up to its first
//   NUL (at most 1 MiB - 1), and so does this, whatever length the header gives it.
//   With a capacity of 0, qemu opens that descriptor as a descriptor file, extents and all: unsafe.
// - A header whose grain directory is "at the end" defers to a footer 1536 bytes before the end
//   (footer marker, footer header, end-of-stream marker), checked as oslo.utils does.
// - A text file that qemu's probe takes for a descriptor (comments, then `version=1|2|3`) keeps all
//   its data in other files: always unsafe.
// - "COWD" (VMDK3) is recognised and refused.
import { exact, hasMagic, latin1, u32le, u64le } from './bytes.js';
import type { FormatInspector } from './inspector.js';
import { extentsSize, parseDescriptor, quote } from './vmdk-descriptor.js';
import { MAX_REGION, type ImageReader, type Notes } from './reader.js';

const HEADER = 80;
const GD_AT_END = 0xffffffffffffffffn;
const FOOTER = 1536;
const MARKER_FOOTER = 3;
const MARKER_END_OF_STREAM = 0;
const SINGLE_FILE_TYPES = new Set(['monolithicsparse', 'streamoptimized']);
/** How far qemu's probe looks for the `version=` line of a text descriptor. */
const PROBE_LENGTH = 2048;

export const vmdk: FormatInspector = {
  async probe(reader) {
    const start = await reader.upTo(0, PROBE_LENGTH);
    if (hasMagic(start.bytes, 0, 'KDMV') || hasMagic(start.bytes, 0, 'COWD') || looksLikeDescriptor(start.bytes)) return 'vmdk';
    return undefined;
  },

  async inspect(reader, notes) {
    const start = await reader.upTo(0, PROBE_LENGTH);
    if (hasMagic(start.bytes, 0, 'COWD')) {
      notes.unsafe.push('VMDK3 (COWD) images are not supported');
      return undefined;
    }
    return hasMagic(start.bytes, 0, 'KDMV') ? inspectSparse(reader, notes) : inspectDescriptorFile(reader, notes);
  },
};

/** qemu's vmdk_probe for text: comment lines and lines of spaces (not empty ones), then a `version=N` line. */
function looksLikeDescriptor(bytes: Uint8Array): boolean {
  const lines = latin1(bytes, 0, bytes.length).split('\n');
  lines.pop(); // unfinished: qemu wants the newline
  for (const line of lines) {
    if (line.startsWith('#') || /^ +\r?$/.test(line)) continue;
    return /^version=[123]\r?$/.test(line);
  }
  return false;
}

async function inspectSparse(reader: ImageReader, notes: Notes): Promise<number | undefined> {
  let header = await reader.need(0, HEADER, 'the VMDK header', notes);
  if (!header) return undefined;
  const version = u32le(header, 4);
  if (version < 1 || version > 3) {
    notes.unsafe.push(`VMDK version ${version} is not supported`);
    return undefined;
  }
  if (u64le(header, 56) === GD_AT_END) header = (await checkFooter(reader, notes, header)) ?? header;
  await checkEmbeddedDescriptor(reader, notes, header);
  if (u64le(header, 12) === 0n) notes.unsafe.push('the VMDK has no capacity of its own: qemu reads the extents its descriptor names');
  const capacity = exact(u64le(header, 12) * 512n);
  if (capacity === undefined) notes.unsafe.push('the VMDK capacity is implausibly large');
  return capacity;
}

async function checkEmbeddedDescriptor(reader: ImageReader, notes: Notes, header: Uint8Array): Promise<void> {
  if (u64le(header, 28) !== 1n) {
    notes.unsafe.push('the VMDK descriptor is not at sector 1');
    return;
  }
  const text = await descriptorText(reader, notes, 512);
  if (text === undefined) return;
  const descriptor = parseDescriptor(text, notes);
  const type = descriptor.createType;
  if (type === undefined) notes.unsafe.push('the VMDK descriptor has no createType');
  else if (!SINGLE_FILE_TYPES.has(type.toLowerCase())) notes.unsafe.push(`VMDK subformat ${quote(type)} is not supported`);
  if (descriptor.extents.length === 0) notes.unsafe.push('the VMDK descriptor has no extents');
  const pathed = descriptor.extents.find((e) => e.file?.includes('/'));
  if (pathed) notes.unsafe.push(`a VMDK extent names a path: ${quote(pathed.file!)}`);
}

async function inspectDescriptorFile(reader: ImageReader, notes: Notes): Promise<number | undefined> {
  notes.unsafe.push('the VMDK is a descriptor only: its data lies in other files');
  const text = await descriptorText(reader, notes, 0);
  if (text === undefined) return undefined;
  const { extents } = parseDescriptor(text, notes);
  const files = extents.flatMap((e) => (e.file === undefined ? [] : [e.file]));
  if (files.length > 0) notes.unsafe.push(`the VMDK descriptor names extent files: ${files.slice(0, 3).map(quote).join(', ')}${files.length > 3 ? ', …' : ''}`);
  return extentsSize(extents);
}

/** The descriptor at `offset`, to its first NUL, as qemu reads it (from the head alone when the NUL is there). */
async function descriptorText(reader: ImageReader, notes: Notes, offset: number): Promise<string | undefined> {
  const max = MAX_REGION - 1;
  const inHead = reader.head.subarray(Math.min(offset, reader.head.length), Math.min(offset + max, reader.head.length));
  const headNul = inHead.indexOf(0);
  if (headNul >= 0) return latin1(inHead, 0, headNul);
  const { bytes, complete } = await reader.upTo(offset, max);
  const nul = bytes.indexOf(0);
  if (nul < 0 && !complete) {
    notes.unchecked.push('the VMDK descriptor runs beyond the bytes available');
    return undefined;
  }
  return latin1(bytes, 0, nul < 0 ? bytes.length : nul);
}

/** The footer header, when it passes oslo.utils' checks against the header; failures are unsafe. */
async function checkFooter(reader: ImageReader, notes: Notes, header: Uint8Array): Promise<Uint8Array | undefined> {
  if (reader.size === undefined) {
    notes.unchecked.push('the VMDK footer lies at the end of an image of unknown length');
    return undefined;
  }
  const tail = await reader.need(reader.size - FOOTER, FOOTER, 'the VMDK footer', notes);
  if (!tail) return undefined;
  const [marker, footer, endOfStream] = [0, 512, 1024].map((at) => tail.subarray(at, at + 512)) as [Uint8Array, Uint8Array, Uint8Array];
  const same = (at: number, length: number) => header.subarray(at, at + length).every((byte, i) => footer[at + i] === byte);
  const problems = [
    !same(0, 8) && 'its signature or version differs from the header',
    !same(28, 16) && 'it gives another descriptor than the header',
    u64le(footer, 56) === GD_AT_END && 'it points to another footer',
    !isMarker(marker, MARKER_FOOTER) && 'its marker is invalid',
    (u64le(endOfStream, 0) !== 0n || !isMarker(endOfStream, MARKER_END_OF_STREAM)) && 'the end-of-stream marker is invalid',
  ].filter((p): p is string => typeof p === 'string');
  for (const problem of problems) notes.unsafe.push(`the VMDK footer is unsafe: ${problem}`);
  return problems.length === 0 ? footer : undefined;
}

/** A stream marker sector: no data size, this type, zeros after. */
function isMarker(sector: Uint8Array, type: number): boolean {
  return u32le(sector, 8) === 0 && u32le(sector, 12) === type && sector.subarray(16).every((b) => b === 0);
}

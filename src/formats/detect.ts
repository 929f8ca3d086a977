// Which format an image is, and whether it is a polyglot. qemu probes the formats whose headers
// start the image; an ISO or a partition table may also be there legitimately only without them
// (a hybrid ISO carries an MBR or GPT; a fixed VHD, whatever disk it holds). Glance refuses content
// that several formats claim, and so is it marked unsafe here, reported as the format qemu would open.
import type { FormatInspector } from './inspector.js';
import { iso } from './iso.js';
import { luks } from './luks.js';
import { partitionTable } from './partition-table.js';
import { qcow2 } from './qcow2.js';
import { qed } from './qed.js';
import { ImageReader, Notes } from './reader.js';
import type { DiskFormat, ImageFormat, ImageInspection, ImageSource } from './types.js';
import { vdi } from './vdi.js';
import { fixedVhd, vhd } from './vhd.js';
import { vhdx } from './vhdx.js';
import { vmdk } from './vmdk.js';

/** Formats whose header starts the image, in the order one is preferred when a polyglot has several. */
const HEADER_FORMATS = [qcow2, vmdk, vhdx, vhd, vdi, qed, luks];
/** Bytes needed to see every start-of-image signature (the third ISO volume descriptor's). */
const SIGNATURES_END = 0x9006;

const DESCRIBED: Partial<Record<ImageFormat, string>> = {
  iso: 'an ISO 9660/UDF volume descriptor',
  gpt: 'a GPT partition table',
  mbr: 'an MBR partition table',
};

interface Hit {
  inspector: FormatInspector;
  format: ImageFormat;
}

async function hits(reader: ImageReader, inspectors: readonly FormatInspector[]): Promise<Hit[]> {
  const found: Hit[] = [];
  for (const inspector of inspectors) {
    const format = await inspector.probe(reader);
    if (format) found.push({ inspector, format });
  }
  return found;
}

export async function inspectImage(source: ImageSource): Promise<ImageInspection> {
  const reader = new ImageReader(source);
  const notes = new Notes();
  const headers = await hits(reader, HEADER_FORMATS);
  const containers = await hits(reader, [iso, partitionTable]);
  if ((await reader.region(0, SIGNATURES_END)) === 'unavailable') {
    notes.unchecked.push('format signatures lie beyond the bytes available');
  }
  let chosen: Hit | undefined = headers[0];
  if (chosen) {
    for (const other of headers.slice(1)) notes.unsafe.push(`the image also carries a ${other.format} header (a polyglot)`);
    for (const other of containers) notes.unsafe.push(`the image also carries ${DESCRIBED[other.format]} (a polyglot)`);
  } else {
    chosen = (await hits(reader, [fixedVhd]))[0] ?? containers[0];
  }
  const virtualSize = chosen ? await chosen.inspector.inspect(reader, notes) : reader.size;
  const format = chosen?.format ?? 'raw';
  return {
    format,
    diskFormat: diskFormatOf(format),
    ...(virtualSize !== undefined && { virtualSize }),
    ...(notes.unsafe.length > 0 && { unsafe: notes.unsafe }),
    ...(notes.unchecked.length > 0 && { unchecked: notes.unchecked }),
  };
}

function diskFormatOf(format: ImageFormat): DiskFormat {
  return format === 'gpt' || format === 'mbr' ? 'raw' : format;
}

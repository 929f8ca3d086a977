// Disk image format inspection: what an image's bytes are, before anything trusts its disk_format.
// A pure library (no printing, no network; sources.ts reads local files).
//
//   inspectImage(source: ImageSource): Promise<ImageInspection>
//     source = { head, size?, read? }: the first bytes (1 MiB: HEAD_LENGTH), the image's length when
//     known, and a read(offset, length) callback when more can be had (a file). Over a pipe, pass
//     readAheadSource(bytes, ended). Any bytes give an answer; only a source that breaks this
//     contract throws (ImageSourceError). Reads are bounded (a few MiB in all), as are all loops.
//   inspectFile(path): the same over a local file.
//
//   ImageInspection = { format, diskFormat, virtualSize?, unsafe?, unchecked? }
//     format: raw | qcow2 | qed | vmdk | vhd | vhdx | vdi | iso | luks | gpt | mbr (gpt and mbr are raw
//       disks with that partition table: their diskFormat is raw).
//     virtualSize: bytes, as qemu-img info gives it (raw, gpt, mbr: the image's length, when known).
//     unsafe: reasons to refuse it, per Glance's checks (OSSA-2024-001) and oslo.utils': backing
//       files, external data files, unknown qcow2 features, QED, VMDK descriptors with other files,
//       differencing disks, malformed or truncated headers, polyglots (content two formats claim).
//     unchecked: checks not made for want of bytes (a short read-ahead; a footer at an unknown end).
//   Over a pipe a fixed VHD is raw (its only footer is at the end), as qemu's probe finds it anyway.
export { inspectImage } from './detect.js';
export { HEAD_LENGTH, inspectFile, readAheadSource } from './sources.js';
export { type DiskFormat, type ImageFormat, type ImageInspection, type ImageSource, ImageSourceError } from './types.js';

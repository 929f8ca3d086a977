/** What the bytes are. `gpt` and `mbr` are raw disks with that partition table (Glance disk_format raw). */
export type ImageFormat = 'raw' | 'qcow2' | 'qed' | 'vmdk' | 'vhd' | 'vhdx' | 'vdi' | 'iso' | 'luks' | 'gpt' | 'mbr';

/** The disk_format for a detected format: raw for a partitioned disk, else the format itself (Glance's default list lacks qed and luks). */
export type DiskFormat = Exclude<ImageFormat, 'gpt' | 'mbr'>;

export interface ImageInspection {
  format: ImageFormat;
  diskFormat: DiskFormat;
  /** Bytes, as qemu-img info reports it; absent when the header lacks it or it lies beyond the bytes available. */
  virtualSize?: number;
  /** Why Glance (or qemu reading it) should refuse the image: backing files, external data, polyglots, malformed headers. */
  unsafe?: string[];
  /** Checks not made because the bytes they need were not available (a pipe's read-ahead, no image size). */
  unchecked?: string[];
}

/**
 * The bytes to inspect. `head` is the start of the image: 1 MiB answers everything but VHDX sizes and
 * end-of-image footers; fewer bytes give fewer answers (listed in `unchecked`), never wrong ones.
 */
export interface ImageSource {
  readonly head: Uint8Array;
  /** The image's length, when known (a file, or a pipe that ended within the read-ahead). */
  readonly size?: number;
  /** Up to `length` bytes at `offset`, fewer only at the end of the image. Absent: only `head` exists. */
  read?(offset: number, length: number): Promise<Uint8Array>;
}

/** A source that broke its contract (not the image's bytes: any bytes are answered, never thrown). */
export class ImageSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageSourceError';
  }
}

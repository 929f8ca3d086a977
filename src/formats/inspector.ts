import type { ImageReader, Notes } from './reader.js';
import type { ImageFormat } from './types.js';

/** One format: its signature, then what its header says. */
export interface FormatInspector {
  /** The format when the bytes carry its signature (the partition table one tells gpt from mbr). */
  probe(reader: ImageReader): Promise<ImageFormat | undefined>;
  /** The virtual size when the header gives one; what makes the image unsafe goes to `notes`. */
  inspect(reader: ImageReader, notes: Notes): Promise<number | undefined>;
}

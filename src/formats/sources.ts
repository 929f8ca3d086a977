// Sources over a local file (head, length and reads at any offset) and over a pipe's read-ahead.
import { open } from 'node:fs/promises';
import { inspectImage } from './detect.js';
import type { ImageInspection, ImageSource } from './types.js';

/** The head this module asks for: enough for every format but VHDX sizes and end-of-image footers. */
export const HEAD_LENGTH = 1 << 20;

/**
 * A source over the bytes read ahead of a stream. `ended`: the stream ended within them, so they are
 * the whole image (its length is known, and what lies past them is truncation, not unavailability).
 */
export function readAheadSource(bytes: Uint8Array, ended: boolean): ImageSource {
  return ended ? { head: bytes, size: bytes.length } : { head: bytes };
}

/** Inspects a local file, reading what its formats need from where it lies. */
export async function inspectFile(path: string): Promise<ImageInspection> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const readAt = async (offset: number, length: number) => {
      const buffer = Buffer.alloc(length);
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await file.read(buffer, filled, length - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    };
    const head = await readAt(0, Math.min(size, HEAD_LENGTH));
    return await inspectImage({ head, size: Math.max(size, head.length), read: readAt });
  } finally {
    await file.close();
  }
}

import { ImageSourceError, type ImageSource } from './types.js';

/** Most bytes one inspection asks a source for beyond its head, and in how many reads: hostile offsets cannot make it read more. */
const READ_BUDGET = { bytes: 4 << 20, calls: 32 };
/** Longest single region a format asks for (a VMDK descriptor: 1 MiB - 1). */
export const MAX_REGION = 1 << 20;

/** Why a region could not be had: it lies past the end of the image, or past the bytes available to us. */
export type Missing = 'truncated' | 'unavailable';

/** Findings that make an image unsafe, and checks that could not be made. */
export class Notes {
  readonly unsafe: string[] = [];
  readonly unchecked: string[] = [];
}

/** Regions of an image out of its head, then its read callback, within a budget. */
export class ImageReader {
  private spent = { bytes: 0, calls: 0 };

  constructor(private readonly source: ImageSource) {
    if (!(source.head instanceof Uint8Array)) throw new ImageSourceError('the image head must be a Uint8Array');
    const { size } = source;
    if (size !== undefined && !(Number.isSafeInteger(size) && size >= source.head.length)) {
      throw new ImageSourceError(`image size ${size} is not a whole number of bytes at least as long as the head`);
    }
  }

  /** The image's length, when known. */
  get size(): number | undefined {
    return this.source.size;
  }

  /** The bytes of the head: what a pipe offers without reading further. */
  get head(): Uint8Array {
    return this.source.head;
  }

  /** Exactly `length` bytes at `offset`, or why not. */
  async region(offset: number, length: number): Promise<Uint8Array | Missing> {
    const { bytes, atEnd } = await this.span(offset, length);
    if (bytes.length === length) return bytes;
    return atEnd ? 'truncated' : 'unavailable';
  }

  /** The bytes at `offset`, up to `maxLength` of them or the end of the image; `complete` when nothing more is there to have. */
  async upTo(offset: number, maxLength: number): Promise<{ bytes: Uint8Array; complete: boolean }> {
    const { bytes, atEnd } = await this.span(offset, maxLength);
    return { bytes, complete: atEnd || bytes.length === maxLength };
  }

  /** Up to `length` bytes at `offset`, and whether they stop short because the image ends there. */
  private async span(offset: number, length: number): Promise<{ bytes: Uint8Array; atEnd: boolean }> {
    const { head, size, read } = this.source;
    const none = new Uint8Array(0);
    if (!Number.isSafeInteger(offset) || offset < 0 || !Number.isSafeInteger(length) || length < 0 || length > MAX_REGION) {
      return { bytes: none, atEnd: true };
    }
    const end = size === undefined ? offset + length : Math.min(offset + length, size);
    if (end <= offset) return { bytes: none, atEnd: length > 0 };
    if (end <= head.length) return { bytes: head.subarray(offset, end), atEnd: end < offset + length };
    const inHead = head.subarray(Math.min(offset, head.length));
    if (!read || this.spent.calls >= READ_BUDGET.calls || this.spent.bytes + (end - offset) > READ_BUDGET.bytes) {
      return { bytes: inHead, atEnd: false };
    }
    this.spent.calls += 1;
    this.spent.bytes += end - offset;
    const bytes = await read.call(this.source, offset, end - offset);
    if (!(bytes instanceof Uint8Array) || bytes.length > end - offset) {
      throw new ImageSourceError(`read(${offset}, ${end - offset}) must give a Uint8Array of at most ${end - offset} bytes`);
    }
    return { bytes, atEnd: bytes.length < length };
  }

  /** A region a probe looks at: its bytes, or undefined (a probe says nothing when they are missing). */
  async peek(offset: number, length: number): Promise<Uint8Array | undefined> {
    const got = await this.region(offset, length);
    return typeof got === 'string' ? undefined : got;
  }

  /** A region an inspection needs: missing, it notes the image truncated (unsafe) or the check not made. */
  async need(offset: number, length: number, what: string, notes: Notes): Promise<Uint8Array | undefined> {
    const got = await this.region(offset, length);
    if (got === 'truncated') notes.unsafe.push(`${what} lies beyond the end of the image`);
    else if (got === 'unavailable') notes.unchecked.push(`${what} lies beyond the bytes available`);
    else return got;
    return undefined;
  }
}

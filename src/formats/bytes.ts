// Fixed-width integers out of a byte array; 64-bit fields come back as numbers only when exact.
const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

export const u16le = (b: Uint8Array, at: number) => view(b).getUint16(at, true);
export const u32le = (b: Uint8Array, at: number) => view(b).getUint32(at, true);
export const u64le = (b: Uint8Array, at: number) => view(b).getBigUint64(at, true);
export const u16be = (b: Uint8Array, at: number) => view(b).getUint16(at, false);
export const u32be = (b: Uint8Array, at: number) => view(b).getUint32(at, false);
export const u64be = (b: Uint8Array, at: number) => view(b).getBigUint64(at, false);

/** A 64-bit value as a number, or undefined past 2^53 (no real image is that large; a hostile one may say so). */
export function exact(value: bigint): number | undefined {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : undefined;
}

/** `product` of two non-negative numbers, or undefined when it is not exact. */
export function times(a: number, b: number): number | undefined {
  const product = a * b;
  return Number.isSafeInteger(product) ? product : undefined;
}

/** Whether `b` holds `magic` (bytes, or a latin-1 string) at `at`. */
export function hasMagic(b: Uint8Array | undefined, at: number, magic: string | readonly number[]): boolean {
  if (!b) return false;
  const codes = typeof magic === 'string' ? Array.from(magic, (c) => c.charCodeAt(0)) : magic;
  if (at + codes.length > b.length) return false;
  return codes.every((code, i) => b[at + i] === code);
}

/** Latin-1 text of `b[at, at + length)`. */
export const latin1 = (b: Uint8Array, at: number, length: number) => Buffer.from(b.buffer, b.byteOffset + at, length).toString('latin1');

/** A Microsoft GUID ("8B7CA206-4790-…") as stored on disk: the first three groups little-endian. */
export function guidBytes(guid: string): number[] {
  const hex = guid.replaceAll('-', '');
  const bytes = Array.from({ length: 16 }, (_, i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  const order = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];
  return order.map((i) => bytes[i]!);
}

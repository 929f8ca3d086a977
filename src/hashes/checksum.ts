// An upstream checksum as a user or a manifest gives it: `sha256:<hex>`, `sha512:<hex>`,
// `md5:<hex>`, or 32 bare hex digits (the v1 --checksum, an MD5). Kept in lower case.

export type ChecksumAlgorithm = 'md5' | 'sha256' | 'sha512';

export interface Checksum {
  algorithm: ChecksumAlgorithm;
  hex: string;
}

const HEX_DIGITS: Record<ChecksumAlgorithm, number> = { md5: 32, sha256: 64, sha512: 128 };

/** The checksum `text` spells, or why it is none (a phrase for a message). */
export function parseChecksum(text: string): Checksum | { problem: string } {
  const match = /^(?:([A-Za-z0-9]+):)?([0-9A-Fa-f]*)$/.exec(text.trim());
  if (!match) return { problem: 'not <algorithm>:<hex digits>' };
  const [, prefix, hex = ''] = match;
  const algorithm = prefix === undefined ? 'md5' : prefix.toLowerCase();
  if (!(algorithm in HEX_DIGITS)) return { problem: `unknown algorithm '${prefix}' (md5, sha256 or sha512)` };
  const digits = HEX_DIGITS[algorithm as ChecksumAlgorithm];
  if (hex.length !== digits) return { problem: `${algorithm} takes ${digits} hex digits, not ${hex.length}` };
  return { algorithm: algorithm as ChecksumAlgorithm, hex: hex.toLowerCase() };
}

export function formatChecksum(checksum: Checksum): string {
  return `${checksum.algorithm}:${checksum.hex}`;
}

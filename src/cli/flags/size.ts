// Byte counts (--size, --size-min, --size-max): whole non-negative numbers of bytes, no units,
// as Glance stores them. Anything else (1e3, 1.5, -1, 10G) is refused rather than guessed at.
import { parseInteger } from './integer.js';

export function parseByteCount(text: string): number | undefined {
  return /^\s*\d+\s*$/.test(text) ? parseInteger(text, { min: 0 }) : undefined;
}

export const BYTE_COUNT_HELP = 'a whole number of bytes, 0 or more, no unit';

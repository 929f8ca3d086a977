// What a path names when it is not a regular file, for messages that say why it cannot be used
// (--file, download targets, rc files and clouds.yaml).
import type { Stats } from 'node:fs';

/** 'a directory', 'a FIFO', … ; undefined for a regular file. */
export function notRegularFile(
  stat: Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket'>,
): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

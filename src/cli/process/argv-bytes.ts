// Command-line arguments as bytes. Node decodes argv as UTF-8 and turns invalid bytes into U+FFFD
// silently, so `--name $'ab\xff'` would store a name nobody typed: the bytes are read back from
// /proc/self/cmdline (Linux) and an argument that is not valid UTF-8 is refused.
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';

/** Which of the user's arguments (1-based) is not valid UTF-8, or undefined when all are (or /proc cannot tell). */
export function firstNonUtf8Argument(userArgumentCount: number): number | undefined {
  let cmdline: Buffer;
  try {
    cmdline = readFileSync('/proc/self/cmdline');
  } catch {
    return undefined;
  }
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = cmdline.indexOf(0); at !== -1; at = cmdline.indexOf(0, start)) {
    parts.push(cmdline.subarray(start, at));
    start = at + 1;
  }
  const index = parts.slice(parts.length - userArgumentCount).findIndex((bytes) => !isUtf8(bytes));
  return index < 0 ? undefined : index + 1;
}

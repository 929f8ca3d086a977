// Whether fd 0 carries image data: pipes, sockets and regular files do; a terminal, a closed stdin
// (`<&-`) or /dev/null never do (python-glanceclient's trap that makes cron and CI jobs upload empty images).
import { fstatSync } from 'node:fs';
import type { StdinData } from '../deps.js';

export function stdinData(isTty: boolean): StdinData | undefined {
  if (isTty) return undefined;
  try {
    const stat = fstatSync(0);
    if (stat.isFile()) return { size: stat.size, open: () => process.stdin };
    return stat.isFIFO() || stat.isSocket() ? { open: () => process.stdin } : undefined;
  } catch {
    return undefined; // closed
  }
}

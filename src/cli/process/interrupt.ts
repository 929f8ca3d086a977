// Ctrl-C: run registered clean-ups (delete a half-made image, remove a temp file), then exit 130.
import type { Cleanup } from '../deps.js';
import { EXIT } from '../../exit-codes.js';

const cleanups = new Set<Cleanup>();
let installed = false;

export function onInterrupt(cleanup: Cleanup, stderr: NodeJS.WritableStream): () => void {
  if (!installed) {
    installed = true;
    process.once('SIGINT', () => void interrupted(stderr));
  }
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

async function interrupted(stderr: NodeJS.WritableStream): Promise<void> {
  stderr.write('\n... terminating\n');
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch {
      /* best effort: we are already exiting */
    }
  }
  process.exit(EXIT.interrupted);
}

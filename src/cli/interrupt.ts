// Ctrl-C: run registered clean-ups (delete a half-made image, remove a temp file), then exit 130.
type Cleanup = () => Promise<void> | void;

const cleanups = new Set<Cleanup>();
let installed = false;

export function onInterrupt(cleanup: Cleanup): () => void {
  if (!installed) {
    installed = true;
    process.once('SIGINT', () => void interrupted());
  }
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

async function interrupted(): Promise<void> {
  process.stderr.write('\n... terminating\n');
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch {
      /* best effort: we are already exiting */
    }
  }
  process.exit(130);
}

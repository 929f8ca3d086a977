// ora on stderr, loaded only when a terminal will show it.
import type { Spinner } from '../deps.js';

export async function startSpinner(text: string, stream: NodeJS.WritableStream): Promise<Spinner> {
  const ora = (await import('ora')).default({ text, stream });
  ora.start();
  return {
    update: (next) => void (ora.text = next),
    succeed: (final) => void ora.succeed(final),
    fail: () => void ora.fail(),
    stop: () => void ora.stop(),
  };
}

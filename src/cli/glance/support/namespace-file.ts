// md-namespace-import's input: --file or stdin, read whole (bounded), parsed as JSON, with the
// messages glanceclient prints (Python's own for a file open() refuses).
import { open } from 'node:fs/promises';
import { constants } from 'node:os';
import type { Readable } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import { CliError } from '../../../errors.js';
import { pyReprString } from '../../../output/pprint.js';
import type { Deps } from '../../deps.js';

/** Far above any namespace document (Glance's own biggest is ~40 KiB). */
export const MAX_NAMESPACE_BYTES = 64 * 1024 * 1024;

/** strerror() of the errors open() and read() meet most, as Python shows them. */
const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  ENXIO: 'No such device or address',
};

/** Python's OSError text: `[Errno 2] No such file or directory: '/x'`. */
function pythonOsError(err: unknown, path: string): CliError {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  const errno = (constants.errno as Record<string, number>)[code];
  const reason = STRERROR[code];
  if (errno === undefined || reason === undefined) return new CliError(`${(err as Error).message}`);
  return new CliError(`[Errno ${errno}] ${reason}: ${pyReprString(path)}`);
}

const tooBig = (): CliError => new CliError(`The namespace document is larger than ${MAX_NAMESPACE_BYTES} bytes: refused.`);

async function readStream(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_NAMESPACE_BYTES) throw tooBig();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function readFile(path: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw pythonOsError(err, path);
  }
  try {
    return await readStream(handle.createReadStream({ autoClose: false }));
  } catch (err) {
    throw err instanceof CliError ? err : pythonOsError(err, path);
  } finally {
    await handle.close();
  }
}

/** The bytes to import, or undefined when there are none (no --file, and stdin a terminal or closed). */
export async function namespaceBytes(file: string | undefined, deps: Pick<Deps, 'stdinData'>): Promise<Buffer | undefined> {
  // glanceclient tests `if args.file`: an empty --file is no file.
  if (file) return readFile(file);
  const stdin = deps.stdinData();
  // A terminal, a closed stdin or /dev/null: nothing passed. (glanceclient reads /dev/null and fails
  // on its emptiness as JSON; Node reopens a closed fd 0 on /dev/null, so the two cannot be told apart.)
  return stdin && readStream(stdin.open());
}

/** json.load: text that is not UTF-8 or not JSON is glanceclient's one message. */
export function parseNamespaceJson(bytes: Buffer): unknown {
  try {
    if (!isUtf8(bytes)) throw new SyntaxError('not UTF-8');
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new CliError('Schema is not a valid JSON object.');
  }
}

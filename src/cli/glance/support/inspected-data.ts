// Image data read for inspection before anything is created or sent: a --file where it lies, a
// pipe through its first MiB (kept and replayed ahead of the rest: no temporary file, no second
// read of the pipe), a URL through one ranged GET (see src/http/remote-head.ts).
import { Readable } from 'node:stream';
import { CliError, messageOf } from '../../../errors.js';
import { HEAD_LENGTH, type ImageInspection, inspectFile, inspectImage, readAheadSource } from '../../../formats/index.js';
import type { Deps } from '../../deps.js';
import type { ImageSource } from './local-data-source.js';

export interface Inspected {
  inspection: ImageInspection;
  /** Whether the end of the image was within reach: a fixed VHD's only footer is there. */
  tailSeen: boolean;
}

/** A local source inspected, and the source to upload from afterwards (a pipe's bytes replayed). */
export async function inspectLocal(source: ImageSource): Promise<Inspected & { source: ImageSource }> {
  if (source.path !== undefined) {
    try {
      return { inspection: await inspectFile(source.path), tailSeen: true, source };
    } catch (err) {
      throw new CliError(`Cannot read ${source.path} to inspect it: ${messageOf(err)}`);
    }
  }
  const stream = source.open();
  let head: { bytes: Buffer; ended: boolean };
  try {
    head = await readAhead(stream, HEAD_LENGTH);
  } catch (err) {
    throw new CliError(`Cannot read the image data on stdin: ${messageOf(err)}`);
  }
  const { bytes, ended } = head;
  // A redirected regular file says its length; a pipe does only by ending within the read-ahead.
  const known = !ended && source.size !== undefined && source.size >= bytes.length ? { head: bytes, size: source.size } : readAheadSource(bytes, ended);
  const inspection = await inspectImage(known);
  return { inspection, tailSeen: ended, source: { ...source, open: () => replay(bytes, ended, stream) } };
}

/** A URL's first bytes inspected, or why they could not be had. */
export async function inspectUrl(deps: Pick<Deps, 'session'>, url: string): Promise<Inspected | { unavailable: string }> {
  const head = await (await deps.session()).readUrlHead(url, HEAD_LENGTH);
  if (head.kind === 'unavailable') return { unavailable: head.reason };
  const source = !head.ended && head.size !== undefined ? { head: head.bytes, size: head.size } : readAheadSource(head.bytes, head.ended);
  return { inspection: await inspectImage(source), tailSeen: head.ended };
}

/** The first `limit` bytes of a stream (or all of it, when it ends sooner), leaving the rest unread. */
function readAhead(stream: Readable, limit: number): Promise<{ bytes: Buffer; ended: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const stop = (): void => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    const finish = (ended: boolean): void => {
      stop();
      resolve({ bytes: Buffer.concat(chunks, length), ended });
    };
    const onReadable = (): void => {
      let chunk: Buffer | string | null;
      while (length < limit && (chunk = stream.read()) !== null) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        chunks.push(bytes);
        length += bytes.length;
      }
      if (length >= limit) finish(false);
    };
    const onEnd = (): void => finish(true);
    const onError = (err: Error): void => {
      stop();
      reject(err);
    };
    stream.on('readable', onReadable);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}

/** The bytes read ahead, then the rest of the stream, as one byte stream. */
function replay(head: Buffer, ended: boolean, rest: Readable): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (!ended) for await (const chunk of rest) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  }
  return Readable.from(chunks(), { objectMode: false });
}

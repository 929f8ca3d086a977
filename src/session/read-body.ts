// Reading a whole JSON answer, bounded: at most JSON_BODY_CAP bytes, held as they arrive (never more),
// and at most --timeout seconds in all, so a body that never ends or trickles cannot hold the CLI.
// Data transfers (image upload and download) stream and are not read here: they have no cap.
import { CliError } from '../errors.js';
import type { HttpResponse } from '../http/transport.js';

/** Far beyond any real answer (a page of 1000 images is about 2 MB), and a bound on memory. */
export const JSON_BODY_CAP = 64 * 1024 * 1024;
const CAP_TEXT = '64 MiB';
/** setTimeout's longest delay; a longer --timeout waits that long (about 24 days). */
const LONGEST_DELAY_MS = 2 ** 31 - 1;

/** An answer larger than the cap: reading it again would not help, so it is never retried. */
export class BodyTooLargeError extends CliError {}

/** An answer that did not arrive in full in time (a stall or a trickle): not retried either, so --timeout bounds the wait. */
export class BodyTimeoutError extends CliError {}

class Deadline extends Error {}

/** The whole body as text; a broken connection surfaces as the stream's own error. */
export async function readBody(res: HttpResponse, timeoutSeconds: number): Promise<string> {
  if (Number(res.headers['content-length']) > JSON_BODY_CAP) {
    res.body.destroy();
    throw tooLarge(res);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const deadline = new Deadline();
  const { body } = res;
  // From when the headers arrived: that may be before now, for an answer read by hand first (src/http/plain-answer.ts).
  const waited = res.headersAt === undefined ? 0 : Date.now() - res.headersAt;
  const timer = setTimeout(() => body.destroy(deadline), Math.min(Math.max(0, timeoutSeconds * 1000 - waited), LONGEST_DELAY_MS));
  try {
    // Its events, not `for await`: the async iterator's first use costs ~0.6 ms, between a cached
    // command's answer and its output. Ends as the iterator would: at 'end', with the error, or as
    // a premature close.
    await new Promise<void>((resolve, reject) => {
      if (body.readableEnded) return resolve();
      if (body.destroyed) return reject(body.errored ?? prematureClose());
      body.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= JSON_BODY_CAP) return void chunks.push(chunk);
        reject(tooLarge(res));
        body.destroy(); // the rest is never read
      });
      body.once('end', resolve);
      body.once('error', reject);
      body.once('close', () => reject(prematureClose())); // after 'end' or an error: no effect
    });
  } catch (err) {
    if (err === deadline) {
      throw new BodyTimeoutError(
        `The answer from ${res.url} did not arrive in full within --timeout ${timeoutSeconds} s (raise --timeout if the server is slow).`,
      );
    }
    if ((err as { code?: unknown }).code === 'BODY_TIMEOUT') {
      throw new BodyTimeoutError(`The answer from ${res.url} stalled for --timeout ${timeoutSeconds} s (raise --timeout if the server is slow).`);
    }
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}

function tooLarge(res: HttpResponse): BodyTooLargeError {
  return new BodyTooLargeError(`The answer from ${res.url} is larger than ${CAP_TEXT}, the most a JSON answer may be: refused, not read further.`);
}

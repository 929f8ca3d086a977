// The first bytes of image data at a URL (--copy-from, --location, web-download --uri), for the
// format inspector: one ranged GET (Range: bytes=0-…) through the transport (proxies, TLS options,
// --timeout), with no credentials: the URL is the user's, not a service's, so no token goes there.
// A 206 is read whole; a server that ignores Range (200) is read up to the limit and cut off.
// Redirects are followed a few hops (nothing secret travels with them). Never prints.
import { messageOf } from '../errors.js';
import { withoutUserinfo } from './redact.js';
import type { HttpResponse, HttpTransport } from './transport.js';

export type RemoteHead =
  /** `ended`: the bytes are the whole resource; `size`: its length, when the server said. */
  | { kind: 'head'; bytes: Uint8Array; ended: boolean; size?: number }
  /** Why the bytes could not be had, as a phrase (`HTTP 403`, a connection failure). */
  | { kind: 'unavailable'; reason: string };

export interface RemoteHeadOptions {
  /** Bytes wanted from the start (the inspector's head). */
  limit: number;
  /** The whole read, answer and body, within this (a body that trickles cannot hold the CLI). */
  timeoutSeconds: number;
}

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** `bytes 0-1048575/5368709120` (or `/*` when the length is unknown). */
const CONTENT_RANGE = /^bytes 0-(\d+)\/(\d+|\*)$/;

const unavailable = (reason: string): RemoteHead => ({ kind: 'unavailable', reason });

export async function readRemoteHead(transport: HttpTransport, url: string, options: RemoteHeadOptions): Promise<RemoteHead> {
  const answer = await remoteGet(transport, url, { Accept: '*/*', Range: `bytes=0-${options.limit - 1}` });
  return 'unavailable' in answer ? unavailable(answer.unavailable) : readHead(answer.res, options);
}

/**
 * GET of a URL outside the cloud, following redirects a few hops (nothing secret travels with
 * them; userinfo is never sent): the answer that is no redirect, or why there is none.
 */
export async function remoteGet(
  transport: HttpTransport,
  url: string,
  headers: Record<string, string>,
): Promise<{ res: HttpResponse } | { unavailable: string }> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { unavailable: 'it is not a valid URL' };
  }
  for (let hop = 0; ; hop++) {
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      return { unavailable: `only http and https URLs are read (not ${target.protocol.slice(0, -1)})` };
    let res: HttpResponse;
    try {
      res = await transport.request({ method: 'GET', url: withoutUserinfo(target.href), headers, redirects: 'return' });
    } catch (err) {
      return { unavailable: messageOf(err) };
    }
    if (!REDIRECTS.has(res.status)) return { res };
    discard(res);
    const location = res.headers.location;
    if (!location) return { unavailable: `HTTP ${res.status} redirect without a Location` };
    if (hop >= MAX_REDIRECTS) return { unavailable: `more than ${MAX_REDIRECTS} redirects` };
    try {
      target = new URL(location, target);
    } catch {
      return { unavailable: `HTTP ${res.status} redirect to an invalid Location` };
    }
  }
}

/** Hangs up on an answer not worth reading (the body then reports an abort error, which is expected here). */
export function discard(res: HttpResponse): void {
  res.body.on('error', () => undefined);
  res.body.destroy();
}

async function readHead(res: HttpResponse, options: RemoteHeadOptions): Promise<RemoteHead> {
  let size: number | undefined;
  if (res.status === 206) {
    const range = CONTENT_RANGE.exec(res.headers['content-range'] ?? '');
    if (!range) {
      discard(res);
      return unavailable(`the server answered a range other than the one asked for (${res.headers['content-range'] ?? 'no Content-Range'})`);
    }
    if (range[2] !== '*') size = Number(range[2]);
  } else if (res.status === 200) {
    const length = res.headers['content-length'];
    if (length !== undefined && /^\d+$/.test(length)) size = Number(length);
  } else {
    discard(res);
    return unavailable(`HTTP ${res.status}`);
  }
  let bytes: Buffer;
  let complete: boolean;
  try {
    ({ bytes, complete } = await readUpTo(res, options));
  } catch (err) {
    // The transport's idle timer (--timeout between two pieces of the body) may fire before the deadline: the same stall.
    const stalled = err instanceof StalledError || (err as { code?: unknown } | null)?.code === 'BODY_TIMEOUT';
    return unavailable(stalled ? `no answer in full within --timeout ${options.timeoutSeconds} s` : `reading the answer failed (${messageOf(err)})`);
  }
  // A 206 that stops short of the range asked for is the end of the resource.
  const ended = (res.status === 206 ? bytes.length < options.limit : complete) || (size !== undefined && bytes.length >= size);
  if (ended) size = bytes.length;
  else if (size !== undefined && size < bytes.length) size = undefined; // a length the body contradicts says nothing
  return { kind: 'head', bytes, ended, ...(size !== undefined && { size }) };
}

/** The answer did not arrive in full within --timeout. */
class StalledError extends Error {}

/** Up to `limit` bytes of the body, then the connection is cut; `complete` when the body ended first. */
async function readUpTo(res: HttpResponse, { limit, timeoutSeconds }: RemoteHeadOptions): Promise<{ bytes: Buffer; complete: boolean }> {
  const chunks: Buffer[] = [];
  let length = 0;
  const deadline = new StalledError();
  const timer = setTimeout(() => res.body.destroy(deadline), Math.min(timeoutSeconds * 1000, 2 ** 31 - 1));
  // Leaving the loop early aborts the body, which the body reports as an error after the loop is gone.
  res.body.on('error', () => undefined);
  try {
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      // Leaving the loop destroys the body: the rest of the image is never downloaded.
      if (length >= limit) return { bytes: Buffer.concat(chunks, length).subarray(0, limit), complete: false };
    }
    return { bytes: Buffer.concat(chunks, length), complete: true };
  } finally {
    clearTimeout(timer);
  }
}

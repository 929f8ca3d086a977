// A GET sent as the process starts, before the program is loaded (what to send: src/session/
// early-request.ts), so that its answer is on the way while the rest of the code compiles. The
// transport's wire takes it over only when the program then asks for exactly that request, over
// a direct connection with the default TLS options, as this one was sent; otherwise it is never
// read. Only a GET is ever sent this way: unanswered, it has changed nothing.
// To an http:// URL it is written on a socket of its own (node:net) before node:http is even loaded
// (loading it and making Node's first request took ~5 ms, a fifth of a cached command's own time):
// the wire's http client then reads the answer off that socket (Wire: `written`), checking that the
// request it would have written is the one that went. Where a kept output may need no more than the
// answer's body, the http client is not even made until asked: a plain answer is read by hand first
// (./plain-answer.ts), and left on the socket as it came.
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { hostOf, portOf } from './address.js';
import { requestHead, type WrittenSocket, writeOnSocket } from './early-socket.js';
import { type NotPlain, readPlainAnswer, socketReplaying } from './plain-answer.js';
import type { ResponseBody, Wire, WireRequest, WireResponse } from './wire.js';

export { requestHead, sentHeaders } from './early-socket.js';

interface Early {
  href: string;
  headers: Record<string, string>;
  /** The answer, read by the wire's http client from the first call on. */
  answer: () => Promise<WireResponse>;
  sentAt: number;
  /** Its own socket, written and not yet given to an http client: readPlainAnswer may read it first (and leave `met`). */
  unread?: { socket: Socket; writtenAt: number; met?: NotPlain };
}

let early: Early | undefined;

/** Longest wait for the request to be written before start-up goes on (a remote connect may take longer: it then completes in the background). */
const FLUSH_WAIT_MS = 10;
/**
 * The answer is taken only if the program asks for it this soon: loading takes tens of
 * milliseconds; a program that stopped on the way (a prompt, a pipe it read) asks afresh, for an
 * answer of now, and the early one, never read, cannot time out on it.
 */
const MAX_AGE_MS = 1000;

/**
 * Sends the GET, with a wire of its own (`wire`: the default TLS options); resolves once it is
 * written, or after FLUSH_WAIT_MS. On a socket of its own, the wire is made and reads the answer
 * once it is written, or (`readLater`) only once the answer is asked for: readEarlyPlainAnswer may
 * then read it first, without node:http.
 */
export async function sendEarly(
  url: URL,
  headers: Record<string, string>,
  wire: () => Promise<Wire>,
  connectTimeoutMs: number,
  readLater = false,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((flushed) => {
    timer = setTimeout(flushed, FLUSH_WAIT_MS);
    const head = url.protocol === 'http:' ? requestHead(url, headers) : undefined;
    const sentAt = Date.now();
    if (head === undefined) {
      const answer = wire().then((w) => w.send({ method: 'GET', url, headers, onWritten: flushed }));
      answer.catch(() => flushed()); // a failure is the program's to meet when it asks for this answer
      early = { href: url.href, headers, answer: () => answer, sentAt };
      return;
    }
    const sent = writeOnSocket(hostOf(url), portOf(url), head, connectTimeoutMs);
    let answer: Promise<WireResponse> | undefined;
    const current: Early = {
      href: url.href,
      headers,
      sentAt,
      answer: () => {
        const { unread } = current;
        // As met by hand so far, idle since its last byte (or since written) and since then.
        const met: NotPlain = { ...unread?.met, idleMs: (unread?.met?.idleMs ?? 0) + (unread ? Date.now() - unread.writtenAt : 0) };
        current.unread = undefined;
        answer ??= sent.then((written) => readOffSocket(url, headers, { ...written, head }, met, wire));
        return answer;
      },
    };
    early = current;
    sent.then((written) => {
      if (!answer) {
        // Unread, it does not keep the process (a program that never asks for it ends as it would).
        written.socket.unref();
        current.unread = { socket: written.socket, writtenAt: Date.now() };
      }
      flushed();
    });
    if (!readLater) current.answer().catch(() => undefined); // met again when the program asks for it
  });
  clearTimeout(timer);
}

/** Has the wire's http client read the answer off the socket the request was written on, as met so far (`met`: read by hand). */
async function readOffSocket(
  url: URL,
  headers: Record<string, string>,
  { socket, failure, head }: WrittenSocket & { head: string },
  { idleMs, headersAt, held }: NotPlain,
  wire: () => Promise<Wire>,
): Promise<WireResponse> {
  const reader = await wire();
  // A socket that failed before the http client listens would leave it waiting for events already gone:
  // it meets the failure as it came, after what was read by hand of the answer, if anything was.
  let from = socket;
  if (socket.destroyed) {
    const error = failure() ?? new Error('the connection closed before its answer was read');
    if (!held?.length) throw error;
    from = socketReplaying(held, error);
  }
  from.ref();
  return reader.send({ method: 'GET', url, headers, written: { socket: from, head, idleMs, headersAt } });
}

/**
 * The early answer's body, if it was sent to `url` on a socket of its own that no http client reads
 * yet, under MAX_AGE_MS ago, and came back plain (./plain-answer.ts); else undefined. Either way the
 * answer is left as it came, for the http client (takeEarly, takeEarlyAnswer).
 */
export async function readEarlyPlainAnswer(url: URL, timeoutMs: number): Promise<Buffer | undefined> {
  const current = early;
  const unread = current?.href === url.href && Date.now() - current.sentAt <= MAX_AGE_MS && !current.unread?.met ? current.unread : undefined;
  if (!current || !unread) return undefined;
  const read = await readPlainAnswer(unread.socket, unread.writtenAt, timeoutMs);
  // Waited for, not left behind: the program may take it as if just asked (MAX_AGE_MS).
  current.sentAt = Date.now();
  if ('body' in read) return read.body;
  unread.met = read;
  unread.writtenAt = Date.now(); // the time since then is added to read.idleMs when the http client takes it
  return undefined;
}

/** The early answer, if `req` is the request sent early (same URL, same headers) and it was sent under MAX_AGE_MS ago; once only. */
export function takeEarly(req: WireRequest): Promise<WireResponse> | undefined {
  if (!early) return undefined;
  const { sentAt } = early;
  if (Date.now() - sentAt > MAX_AGE_MS) early = undefined;
  if (!early || req.method !== 'GET' || req.body !== undefined || req.route || req.url.href !== early.href || !sameHeaders(req.headers, early.headers))
    return undefined;
  const { answer } = early;
  early = undefined;
  return answer();
}

/** The early answer, if it was sent to `url` under MAX_AGE_MS ago, for a session that has that one answer (src/session/early-answer.ts); once only. */
export function takeEarlyAnswer(url: URL): Promise<WireResponse> | undefined {
  taken = early;
  early = undefined;
  return taken && taken.href === url.href && Date.now() - taken.sentAt <= MAX_AGE_MS ? taken.answer() : undefined;
}

/** What takeEarlyAnswer took, to give back. */
let taken: Early | undefined;

/**
 * Puts back the answer takeEarlyAnswer took, as it was met (its failure, its untouched body, or
 * its body as read: bodyOf), for the program's first request to take as if just sent: a stalled
 * Glance is then waited for once, not once by the replay and again by the program.
 */
export function giveBackEarly(answer: Promise<WireResponse>): void {
  if (taken) early = { href: taken.href, headers: taken.headers, answer: () => answer, sentAt: Date.now() };
  taken = undefined;
}

/** A body already read, again: its text (made bytes only when read), or the error reading it met. */
export function bodyOf(read: { text: string } | { error: unknown }): ResponseBody {
  let given = false;
  const stream = new Readable({
    read() {
      if ('error' in read) this.destroy(read.error as Error);
      else if (given) this.push(null);
      else {
        given = true;
        this.push(Buffer.from(read.text, 'utf8'));
      }
    },
  });
  const text = async (): Promise<string> => {
    if ('error' in read) throw read.error;
    return read.text;
  };
  return Object.assign(stream, { text, json: async () => JSON.parse(await text()) as unknown, dump: async () => undefined });
}

function sameHeaders(a: Record<string, string>, b: Record<string, string>): boolean {
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => Object.hasOwn(b, name) && a[name] === b[name]);
}

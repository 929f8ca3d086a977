// A GET sent as the process starts, before the program is loaded (what to send: src/session/
// early-request.ts), so that its answer is on the way while the rest of the code compiles. The
// transport's wire takes it over only when the program then asks for exactly that request, over
// a direct connection with the default TLS options, as this one was sent; otherwise it is never
// read. Only a GET is ever sent this way: unanswered, it has changed nothing.
// To an http:// URL it is written on a socket of its own (node:net) before node:http is even loaded
// (loading it and making Node's first request took ~5 ms, a fifth of a cached command's own time):
// the wire's http client then reads the answer off that socket (Wire: `written`), checking that the
// request it would have written is the one that went.
import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { hostOf, portOf } from './address.js';
import type { ResponseBody, Wire, WireRequest, WireResponse } from './wire.js';

interface Early {
  href: string;
  headers: Record<string, string>;
  answer: Promise<WireResponse>;
  sentAt: number;
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
 * Sends the GET, with a wire of its own (`wire`: the default TLS options), made once the request is
 * out if it goes on a socket of its own; resolves once it is written, or after FLUSH_WAIT_MS.
 */
export async function sendEarly(url: URL, headers: Record<string, string>, wire: () => Promise<Wire>, connectTimeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((flushed) => {
    const head = url.protocol === 'http:' ? requestHead(url, headers) : undefined;
    const answer =
      head === undefined
        ? wire().then((w) => w.send({ method: 'GET', url, headers, onWritten: flushed }))
        : sendOnSocket(url, head, headers, wire, flushed, connectTimeoutMs);
    answer.catch(() => flushed()); // a failure is the program's to meet when it asks for this answer
    early = { href: url.href, headers, answer, sentAt: Date.now() };
    timer = setTimeout(flushed, FLUSH_WAIT_MS);
  });
  clearTimeout(timer);
}

/** Writes the request on a new socket (connected within connectTimeoutMs, as the wire would), then has the wire read its answer off it. */
async function sendOnSocket(
  url: URL,
  head: string,
  headers: Record<string, string>,
  wire: () => Promise<Wire>,
  flushed: () => void,
  connectTimeoutMs: number,
): Promise<WireResponse> {
  const socket = connect({ host: hostOf(url), port: portOf(url), noDelay: true });
  let failure: Error | undefined;
  socket.on('error', (err) => {
    failure ??= err; // until the wire's http client listens: the first one is the request's
  });
  // The wire's own deadline (WireError CONNECT_TIMEOUT), else a host that never answers is waited for as long as the kernel tries.
  const timer = setTimeout(() => socket.destroy(Object.assign(new Error('connect timeout'), { code: 'CONNECT_TIMEOUT' })), connectTimeoutMs);
  socket.once('connect', () => clearTimeout(timer));
  socket.once('close', () => clearTimeout(timer));
  await new Promise<void>((written) => socket.write(head, 'latin1', () => written()));
  flushed();
  const reader = await wire();
  // A socket that failed before the http client listens would leave it waiting for events already gone.
  if (socket.destroyed) throw failure ?? new Error('the connection closed before its answer was read');
  return reader.send({ method: 'GET', url, headers, written: { socket, head } });
}

/**
 * What Node's http client writes for a GET of `url` with these headers and Host and Connection: close
 * (it adds no other header to a GET without a body), or undefined if it would refuse the path or a
 * header (then the wire sends the request, and says why).
 */
export function requestHead(url: URL, headers: Record<string, string>): string | undefined {
  const path = url.pathname + url.search;
  if (!/^[\x21-\xff]+$/.test(path)) return undefined;
  let head = `GET ${path} HTTP/1.1\r\n`;
  for (const [name, value] of Object.entries(sentHeaders(url, headers))) {
    if (!/^[!#$%&'*+\-.^\w`|~]+$/.test(name) || /[^\t\x20-\x7e\x80-\xff]/.test(value)) return undefined;
    head += `${name}: ${value}\r\n`;
  }
  return `${head}\r\n`;
}

/** The headers of a request written on a socket of its own: the connection ends with the answer, as no agent keeps it. */
export function sentHeaders(url: URL, headers: Record<string, string>): Record<string, string> {
  return { ...headers, Host: url.host, Connection: 'close' };
}

/** The early answer, if `req` is the request sent early (same URL, same headers) and it was sent under MAX_AGE_MS ago; once only. */
export function takeEarly(req: WireRequest): Promise<WireResponse> | undefined {
  if (!early) return undefined;
  const { answer, sentAt } = early;
  if (Date.now() - sentAt > MAX_AGE_MS) early = undefined;
  if (!early || req.method !== 'GET' || req.body !== undefined || req.route || req.url.href !== early.href || !sameHeaders(req.headers, early.headers))
    return undefined;
  early = undefined;
  return answer;
}

/** The early answer, if it was sent to `url` under MAX_AGE_MS ago, for a session that has that one answer (src/session/early-answer.ts); once only. */
export function takeEarlyAnswer(url: URL): Promise<WireResponse> | undefined {
  taken = early;
  early = undefined;
  return taken && taken.href === url.href && Date.now() - taken.sentAt <= MAX_AGE_MS ? taken.answer : undefined;
}

/** What takeEarlyAnswer took, to give back. */
let taken: Early | undefined;

/**
 * Puts back the answer takeEarlyAnswer took, as it was met (its failure, its untouched body, or
 * its body as read: bodyOf), for the program's first request to take as if just sent: a stalled
 * Glance is then waited for once, not once by the replay and again by the program.
 */
export function giveBackEarly(answer: Promise<WireResponse>): void {
  if (taken) early = { ...taken, answer, sentAt: Date.now() };
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

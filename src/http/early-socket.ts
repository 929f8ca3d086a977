// The socket of its own an early GET to an http:// URL is written on (./early.ts), and the one
// written ahead of even that, as the process starts (src/session/send-ahead.ts): early.ts takes the
// one sent ahead if it would write exactly those bytes to exactly that host and port, else it is
// destroyed unread (dropSentAhead).
import type { Socket } from 'node:net';

export interface WrittenSocket {
  socket: Socket;
  /** The first error the socket met before an http client listened: the request's. */
  failure: () => Error | undefined;
}

interface SentAhead {
  host: string;
  port: number;
  head: string;
  socket: Socket;
  written: Promise<WrittenSocket>;
}

let ahead: SentAhead | undefined;
/** Whether a request sent ahead was not the one the early request wrote. */
let wasted = false;

/** Writes the request on a new socket, connected within connectTimeoutMs as the wire would; `written` resolves once it is. */
function openAndWrite(host: string, port: number, head: string, connectTimeoutMs: number): { socket: Socket; written: Promise<WrittenSocket> } {
  // node:net when first written (~2 ms): this module loads for every command line, a usage error's too.
  const socket = process.getBuiltinModule('node:net').connect({ host, port, noDelay: true });
  let failure: Error | undefined;
  socket.on('error', (err) => {
    failure ??= err; // until the wire's http client listens: the first one is the request's
  });
  // The wire's own deadline (WireError CONNECT_TIMEOUT), else a host that never answers is waited for as long as the kernel tries.
  const timer = setTimeout(() => socket.destroy(Object.assign(new Error('connect timeout'), { code: 'CONNECT_TIMEOUT' })), connectTimeoutMs);
  socket.once('connect', () => clearTimeout(timer));
  socket.once('close', () => clearTimeout(timer));
  // Resolved on a failed write too: the error the socket met is the request's, met when its answer is read.
  const written = new Promise<WrittenSocket>((resolve) => socket.write(head, 'latin1', () => resolve({ socket, failure: () => failure })));
  return { socket, written };
}

/** The request written on a socket of its own: the one sent ahead if it is these bytes to this host and port, else a new one. */
export function writeOnSocket(host: string, port: number, head: string, connectTimeoutMs: number): Promise<WrittenSocket> {
  const sent = ahead;
  ahead = undefined;
  if (sent && sent.host === host && sent.port === port && sent.head === head) return sent.written;
  sent?.socket.destroy();
  wasted ||= sent !== undefined;
  return openAndWrite(host, port, head, connectTimeoutMs).written;
}

/** Writes a request ahead, for writeOnSocket to take; resolves once it is written, or after waitMs (a remote connect goes on meanwhile). */
export async function sendAheadOnSocket(host: string, port: number, head: string, connectTimeoutMs: number, waitMs: number): Promise<void> {
  const { socket, written } = openAndWrite(host, port, head, connectTimeoutMs);
  ahead = { host, port, head, socket, written };
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([written, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
}

/** Destroys the request sent ahead if writeOnSocket did not take it (its answer is never read); whether one was sent that was not taken. */
export function dropSentAhead(): boolean {
  const sent = ahead;
  const notTaken = wasted || sent !== undefined;
  ahead = undefined;
  wasted = false;
  sent?.socket.destroy();
  return notTaken;
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

// The early GET's answer read off its socket by hand (./early.ts), for the one use that needs no
// more than its body: a kept output printed again if the answer is the same (src/cli/replayed-
// output.ts). Loading node:http and making a request of it cost a kept-output run about a quarter
// of its own time (issue 16). Only the plainest answer is read here: `HTTP/1.1 200`, well-formed
// header lines, one Content-Length, no Transfer- or Content-Encoding, and exactly that many body
// bytes. Anything else (another status, chunked, a header line the http parser might read otherwise,
// a close, a stall, bytes beyond the body) is put back on the socket as it came (unshift), for the
// wire's http client to read as it would have, and within the --timeout it would have had.
import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';

/** Header bytes read here at most: well below the wire's http client's limit (64 KiB), so that where the two might count differently, the client decides. */
const MAX_HEADER_BYTES = 16 * 1024;
/** Far above a kept output's answer (src/cli/replayed-output.ts keeps 256K characters at most): a larger answer is the http client's. */
const MAX_PLAIN_BYTES = 2 * 1024 * 1024;
/** setTimeout's longest delay. */
const LONGEST_DELAY_MS = 2 ** 31 - 1;

const STATUS_LINE = /^HTTP\/1\.1 200(?: [\t\x20-\x7e\x80-\xff]*)?$/;
/** A header line as RFC 9110 has it (a token, a colon, visible text): no folding, no bare CR or LF, no control characters. */
const HEADER_LINE = /^([!#$%&'*+\-.^\w`|~]+):[\t ]*([\t\x20-\x7e\x80-\xff]*)$/;
/** Headers after which the body is not simply the next Content-Length bytes. */
const NOT_PLAIN = new Set(['transfer-encoding', 'content-encoding']);

/** `more`: not all here yet; `other`: not a plain answer; else its body. */
export type PlainVerdict = 'more' | 'other' | { body: Buffer };

/** What the bytes read so far of an answer are. */
export function plainAnswer(bytes: Buffer): PlainVerdict {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return bytes.length > MAX_HEADER_BYTES ? 'other' : 'more';
  if (end > MAX_HEADER_BYTES) return 'other';
  const [status, ...lines] = bytes.toString('latin1', 0, end).split('\r\n');
  if (!STATUS_LINE.test(status!)) return 'other';
  let length: number | undefined;
  for (const line of lines) {
    const header = HEADER_LINE.exec(line);
    if (!header) return 'other';
    const name = header[1]!.toLowerCase();
    if (NOT_PLAIN.has(name)) return 'other';
    if (name === 'content-length') {
      // Digits and spaces after them, as Node's parser takes it (a tab or another blank after them is an error there).
      if (length !== undefined || !/^\d{1,9} *$/.test(header[2]!)) return 'other';
      length = Number(header[2]);
    }
  }
  if (length === undefined || length > MAX_PLAIN_BYTES) return 'other';
  const have = bytes.length - end - 4;
  if (have < length) return 'more';
  return have === length ? { body: bytes.subarray(end + 4) } : 'other';
}

/** What readPlainAnswer met if the answer was not plain, for the wire's http client to meet it as it came. */
export interface NotPlain {
  /** How long the socket has been idle: the client's headers timeout counts it. */
  idleMs: number;
  /** When the answer's headers had all arrived, if they had: the client's whole-body deadline counts from then. */
  headersAt?: number;
  /** What was read of a socket that failed meanwhile, which cannot be put back on it (socketReplaying). */
  held?: Buffer;
}

/**
 * Reads a plain answer (plainAnswer) off a socket no http client reads yet, written at `writtenAt`,
 * and puts what it read back on the socket, as it came, for the http client to read if it is asked
 * to after all: the body if the answer is plain. Otherwise, what the client needs to meet it as it
 * would have, had it read it from the start: it is handed over at once when the answer is not
 * plain, and at the moment the client would have given up waiting (idle --timeout before or within
 * the answer, or --timeout since its headers), so that it gives up then too.
 */
export function readPlainAnswer(socket: Socket, writtenAt: number, timeoutMs: number): Promise<{ body: Buffer } | NotPlain> {
  return new Promise((resolve) => {
    /** All read so far: put back whole, as it came. */
    let bytes: Buffer = Buffer.alloc(0);
    let lastByte = writtenAt;
    let headersAt: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    const wait = (): void => {
      clearTimeout(timer);
      const deadline = Math.min(lastByte + timeoutMs, headersAt === undefined ? Number.POSITIVE_INFINITY : headersAt + timeoutMs);
      timer = setTimeout(() => putBack('other'), Math.min(Math.max(0, deadline - Date.now()), LONGEST_DELAY_MS));
    };
    // Synchronously within the event that decided, so that the stream has not ended yet for it: the http client then reads it all, the end too.
    const putBack = (verdict: PlainVerdict): void => {
      clearTimeout(timer);
      socket.off('readable', onReadable);
      socket.off('close', onClose);
      if (socket.destroyed) return resolve({ idleMs: Date.now() - lastByte, headersAt, held: bytes });
      if (bytes.length > 0) socket.unshift(bytes);
      resolve(typeof verdict === 'object' ? verdict : { idleMs: Date.now() - lastByte, headersAt });
    };
    const onClose = (): void => putBack('other');
    function onReadable(): void {
      // What is there, and no more: read() until null would end the stream at its end (it could then not be put back).
      const chunk = socket.readableLength > 0 ? (socket.read(socket.readableLength) as Buffer | null) : null;
      if (chunk === null) return putBack('other'); // 'readable' with nothing to read: the end of the stream
      bytes = bytes.length === 0 ? chunk : Buffer.concat([bytes, chunk]);
      lastByte = Date.now();
      if (headersAt === undefined && bytes.includes('\r\n\r\n')) headersAt = lastByte;
      const verdict = bytes.length > MAX_PLAIN_BYTES + MAX_HEADER_BYTES ? 'other' : plainAnswer(bytes);
      if (verdict === 'more') wait();
      else putBack(verdict);
    }
    if (socket.destroyed) return putBack('other');
    wait();
    socket.on('readable', onReadable);
    socket.once('close', onClose);
  });
}

/**
 * A stand-in for a socket that failed while its answer was read by hand: it gives the http client
 * the bytes read, then the socket's error, as the socket would have had the client read it.
 */
export function socketReplaying(bytes: Buffer, error: Error): Socket {
  let given = false;
  const replay = new Duplex({
    // The bytes when first asked for, the error when asked for more: after the client has read them.
    read() {
      if (given) this.destroy(error);
      else this.push(bytes);
      given = true;
    },
    write: (_chunk, _encoding, done) => done(),
  });
  const self = () => replay;
  Object.assign(replay, { setTimeout: self, setNoDelay: self, setKeepAlive: self, ref: self, unref: self });
  return replay as unknown as Socket;
}

// A session with one answer in it: the GET sent as the process started (early-request.ts), for a
// command the CLI may print from that answer alone (src/cli/replay.ts). It answers exactly the
// request the record was made from, if Glance or Keystone answered it 200 with the JSON its guard
// expects, read and decoded as the session reads and decodes it (read-body.ts, errors.ts,
// http/decode.ts). Any other request or answer is NotTheEarlyAnswer: the program then runs as it
// would have, and giveBack() hands it the answer as it was met, so that it neither asks again nor
// waits again for an answer that failed or stalled.
import { decodeAnswer, type Guard } from '../http/decode.js';
import { bodyOf, giveBackEarly, readEarlyPlainAnswer, takeEarlyAnswer } from '../http/early.js';
import type { WireResponse } from '../http/wire.js';
import { parseJson } from './errors.js';
import { followLink } from './links.js';
import { readBody } from './read-body.js';
import { queryString, SERVICE_NAMES } from './requests.js';
import type { ServiceRequest, ServiceType } from './session.js';

/** The early answer does not answer this: the caller runs the program instead. */
export class NotTheEarlyAnswer extends Error {}

export interface EarlyRequest {
  service: ServiceType;
  /** The service's base URL the request was made from (the cached token's catalog names it today). */
  base: string;
  url: string;
  timeoutSeconds: number;
}

export class EarlyAnswerSession {
  /** The answer as met so far, for giveBack(); undefined before it is taken and after it is given back. */
  private met?: Promise<WireResponse>;
  /** Its text, once asked for (answerText). */
  private text?: Promise<string>;
  /** Whether json() was asked: the one answer answers one request. */
  private asked = false;
  /** Whether json() gave the answer, decoded. */
  answered = false;

  constructor(private readonly sent: EarlyRequest) {}

  async json<T>(service: ServiceType, req: ServiceRequest, guard: Guard<T>): Promise<T> {
    const { sent } = this;
    const plainGet = req.method === 'GET' && req.body === undefined && req.json === undefined && req.headers === undefined;
    if (service !== sent.service || !plainGet || this.asked) throw new NotTheEarlyAnswer();
    this.asked = true;
    const url = followLink(sent.base, req.path) + queryString(req.query);
    if (url !== sent.url) throw new NotTheEarlyAnswer();
    const text = await this.answerText();
    const decoded = decodeAnswer(SERVICE_NAMES[service], req.method, url, parseJson(text, { url, status: 200 }), guard);
    this.answered = true;
    return decoded;
  }

  /**
   * The answer's text if it came back plain (src/http/plain-answer.ts: 200, its whole body, nothing
   * the http client could read otherwise), read without node:http; else undefined, and answerText()
   * has the http client read it as it came.
   */
  async plainText(): Promise<string | undefined> {
    if (this.text) return undefined;
    return (await readEarlyPlainAnswer(new URL(this.sent.url), this.sent.timeoutSeconds * 1000))?.toString('utf8');
  }

  /** The answer's text, read as the session reads a body, if it came 200 (else NotTheEarlyAnswer, or the error reading it met); read once. */
  answerText(): Promise<string> {
    this.text ??= this.read();
    return this.text;
  }

  private async read(): Promise<string> {
    const { url } = this.sent;
    const answer = takeEarlyAnswer(new URL(url));
    if (!answer) throw new NotTheEarlyAnswer();
    this.met = answer; // a failure, or an answer but 200, goes back as it came: its body unread
    const res = await answer;
    if (res.status !== 200) throw new NotTheEarlyAnswer();
    let text: string;
    try {
      text = await readBody({ ...res, url }, this.sent.timeoutSeconds);
    } catch (error) {
      this.met = Promise.resolve({ ...res, body: bodyOf({ error }) });
      throw error;
    }
    this.met = Promise.resolve({ ...res, body: bodyOf({ text }) }); // the text itself, no copy until the program reads it
    return text;
  }

  /** Hands the answer, as met, to the program's first request (the replay could not use it). */
  giveBack(): void {
    if (this.met) giveBackEarly(this.met);
    this.met = undefined;
  }
}

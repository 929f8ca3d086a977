// A session with one answer in it: the GET sent as the process started (early-request.ts), for a
// command the CLI may print from that answer alone (src/cli/replay.ts). It answers exactly the
// request the record was made from, if Glance or Keystone answered it 200 with the JSON its guard
// expects, read and decoded as the session reads and decodes it (errors.ts, http/decode.ts). Any
// other request or answer is NotTheEarlyAnswer: the program then runs as it would have anyway.
import { decodeAnswer, type Guard } from '../http/decode.js';
import { takeEarlyAnswer } from '../http/early.js';
import { readJson } from './errors.js';
import { followLink } from './links.js';
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
  constructor(private readonly sent: EarlyRequest) {}

  async json<T>(service: ServiceType, req: ServiceRequest, guard: Guard<T>): Promise<T> {
    const { sent } = this;
    const plainGet = req.method === 'GET' && req.body === undefined && req.json === undefined && req.headers === undefined;
    if (service !== sent.service || !plainGet) throw new NotTheEarlyAnswer();
    const url = followLink(sent.base, req.path) + queryString(req.query);
    const answer = url === sent.url ? takeEarlyAnswer(new URL(url)) : undefined;
    if (!answer) throw new NotTheEarlyAnswer();
    const res = await answer;
    if (res.status !== 200) {
      await res.body.dump();
      throw new NotTheEarlyAnswer();
    }
    return decodeAnswer(SERVICE_NAMES[service], req.method, url, await readJson({ ...res, url }, sent.timeoutSeconds), guard);
  }
}

// Image data at a URL outside the cloud (an image-seed manifest's `url`), streamed whole through the
// transport (proxies, TLS options, --timeout for any silence) with no credentials, to be passed on
// to Glance as it arrives: nothing is held in memory or written to disk. Never prints.
import { discard, remoteGet } from './remote-head.js';
import type { HttpResponse, HttpTransport } from './transport.js';

export type RemoteData =
  /** The body, and its length when the server said. */
  | { kind: 'data'; body: HttpResponse['body']; size?: number }
  /** Why the data could not be had, as a phrase (`HTTP 404`, a connection failure). */
  | { kind: 'unavailable'; reason: string };

export async function openRemoteData(transport: HttpTransport, url: string): Promise<RemoteData> {
  const answer = await remoteGet(transport, url, { Accept: '*/*' });
  if ('unavailable' in answer) return { kind: 'unavailable', reason: answer.unavailable };
  const { res } = answer;
  if (res.status !== 200) {
    discard(res);
    return { kind: 'unavailable', reason: `HTTP ${res.status}` };
  }
  const length = res.headers['content-length'];
  return { kind: 'data', body: res.body, ...(length !== undefined && /^\d+$/.test(length) && { size: Number(length) }) };
}

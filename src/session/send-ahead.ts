// A cached command's first GET, written ahead of everything else (issue 16): the early request
// (./early-request.ts) could go only once its module was loaded and run, with Glance idle meanwhile.
// The entry reads the record a run with these inputs left (./early-record.ts) and writes its request
// at once if the session would send it today: with the token it would use, to the endpoint it would
// choose (rememberedRequest, the early request's own check). The early request takes that socket if
// it would write exactly those bytes there, else it is destroyed unread (src/http/early-socket.ts).
import { hostOf, portOf } from '../http/address.js';
import { requestHead, sendAheadOnSocket } from '../http/early-socket.js';
import { connectTimeoutMs, inputsOf, readRecord, rememberedRequest } from './early-record.js';
import { TokenCache } from './token-cache.js';

/** Longest wait for the request to be written before start-up goes on (as ../http/early.ts). */
const FLUSH_WAIT_MS = 10;

/** Writes the remembered request ahead, if its record and cached token are there and the session would still send it so; never throws. */
export async function sendAhead(dialect: string, argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    const inputs = inputsOf(dialect, argv, env, process.cwd());
    if (inputs === undefined) return;
    const cache = new TokenCache(TokenCache.defaultDir(env));
    const text = readRecord(cache, inputs, true);
    const today = text === undefined ? undefined : rememberedRequest(cache, inputs, text);
    if (today === undefined || today.url.protocol !== 'http:') return;
    const head = requestHead(today.url, today.headers);
    if (head === undefined) return;
    await sendAheadOnSocket(hostOf(today.url), portOf(today.url), head, connectTimeoutMs(today.record.timeoutSeconds), FLUSH_WAIT_MS);
  } catch {
    // A record of another shape, an endpoint gone from the catalog, no home: the early request goes as it would without.
  }
}

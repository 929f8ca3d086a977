// A cached command's first request, sent as the process starts (issue 16): a cached image-list
// spent ~20 ms loading the program before it asked Glance anything, then waited ~20 ms for the
// answer. What a run sent first is remembered beside the token it used (./early-record.ts); a run
// with the same inputs sends that GET at once, with the token the cache holds, to the endpoint that
// token's catalog names today; the program, once loaded, takes the answer if its own first request
// is exactly that one, asked for within a second (src/http/early.ts), and otherwise never reads it.
// The entry may have written that GET ahead of this module, from the same record (./send-ahead.ts):
// its socket is taken if this request is those bytes, else never read. Only the common, direct case
// is remembered: not through a proxy, with other TLS options, under --debug, in token mode, with
// --os-rc, clouds.yaml or an image endpoint given by flag, nor after a password prompt.
// A record is written when the run ends well (saveRemembered). A command whose output came from its
// first answer alone may leave with it what the CLI needs to print that answer again (`replay`,
// src/cli/replay.ts): not if the session asked anything more.
import { sendEarly } from '../http/early.js';
import { dropSentAhead } from '../http/early-socket.js';
import type { EarlyAnswerSession } from './early-answer.js';
import { connectTimeoutMs, type FirstRequest, inputsOf, type Remembered, readRecord, recordName, rememberedRequest } from './early-record.js';
import { TokenCache } from './token-cache.js';

/** A remembered request sent early, with what the CLI left to print its answer again. */
export interface EarlyReplay {
  replay: unknown;
  session: EarlyAnswerSession;
}

/** This run's inputs (their hash), once the entry has asked: only then is a first request remembered. */
let runInputs: string | undefined;
/** The record as read at start, so that an unchanged one is not written again. */
let readText: string | undefined;
/** The cache the record was read from, once the early request went out (the replay's output is kept beside it). */
let sentFrom: TokenCache | undefined;
/** This run's first request, kept until the run ends well; `more` once the session asked anything else. */
let heard: { cache: TokenCache; first: FirstRequest; more: boolean } | undefined;

/**
 * Sends the GET a run with these inputs sent first, if one was remembered and its token is still
 * cached; never throws. Resolves to what the CLI left to print its answer again, if it left anything.
 */
export async function sendRememberedRequest(dialect: string, argv: readonly string[], env: NodeJS.ProcessEnv): Promise<EarlyReplay | undefined> {
  try {
    runInputs = inputsOf(dialect, argv, env, process.cwd()); // as the entry computed it (./early-record.ts)
    if (runInputs === undefined) return;
    const cache = new TokenCache(TokenCache.defaultDir(env));
    readText = readRecord(cache, runInputs); // as the request written ahead read it, if it did
    const today = readText === undefined ? undefined : rememberedRequest(cache, runInputs, readText);
    if (!today) return;
    const { record, url } = today;
    const timeoutMs = Math.max(1, Math.ceil(record.timeoutSeconds * 1000));
    const connectMs = connectTimeoutMs(record.timeoutSeconds);
    // The wire (and node:http) loaded once the request is out, where it can be (src/http/early.ts).
    const wire = async () => new (await import('../http/wire.js')).Wire(timeoutMs, connectMs, { rejectUnauthorized: true });
    // A replay may print from the answer's body alone: the http client then reads it only if asked (src/http/plain-answer.ts).
    const readLater = record.replay !== undefined;
    await sendEarly(url, today.headers, wire, connectMs, readLater);
    if (record.replay === undefined) return undefined;
    sentFrom = cache;
    // Imported once the request is out: the answer is read by what reads it, loaded while it travels.
    const { EarlyAnswerSession } = await import('./early-answer.js');
    const session = new EarlyAnswerSession({ service: record.service, base: record.base, url: record.url, timeoutSeconds: record.timeoutSeconds });
    return { replay: record.replay, session };
  } catch {
    // A record of another shape, an endpoint gone from the catalog: the program runs as it would without.
    return undefined;
  } finally {
    dropSentAhead(); // one sent ahead that was not this request (the session would not send it so): never read
  }
}

/** Whether this run's first request can be remembered (the entry worked out its inputs). */
export function remembersFirstRequest(): boolean {
  return runInputs !== undefined;
}

/** Hears what this run sent first (called by the session, for a GET answered 2xx, when it sends direct). */
export function rememberFirstRequest(cache: TokenCache, first: FirstRequest): void {
  if (runInputs !== undefined) heard = { cache, first, more: false };
}

/** Hears that the session asked more than its first request: that answer alone was not the output. */
export function heardLaterRequest(): void {
  if (heard) heard.more = true;
}

/** Writes the record of this run's first request, at the end of a run that went well, with the CLI's `replay` if it asked nothing more. */
export function saveRemembered(replay?: unknown): void {
  if (runInputs === undefined || !heard) return;
  const record: Remembered = { inputs: runInputs, ...heard.first, replay: heard.more ? undefined : replay };
  const text = JSON.stringify(record);
  if (text !== readText) heard.cache.saveAside(recordName(runInputs), text);
}

/** What keepReplayedOutput kept beside the record of the request sent early this run, if anything (and not over maxBytes). */
export function replayedOutput(maxBytes: number): string | undefined {
  return runInputs === undefined ? undefined : sentFrom?.loadAside(outputName(runInputs), maxBytes);
}

/** Keeps beside the record the output a replay printed from the early answer (src/cli/replayed-output.ts). */
export function keepReplayedOutput(text: string): void {
  if (runInputs !== undefined) sentFrom?.saveAside(outputName(runInputs), text);
}

function outputName(inputs: string): string {
  return `${recordName(inputs)}-output`;
}

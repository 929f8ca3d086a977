// The record of a cached command's first request (issue 16): what a run sent first, kept beside the
// token it used under a hash of the inputs it was derived from (the command line, the working
// directory and the variables that configure the client, secrets included: another password is
// other inputs; the record holds only their SHA-256, never a value of them). Read twice in a run, by
// the request written ahead (./send-ahead.ts) and by the early request (./early-request.ts), and
// judged once, here, as the session would judge that request today (rememberedRequest).
import type { Interface } from '../config/credentials.js';
import { sha256Hex } from '../hashes/sha256.js';
import { anyValue, dict, num, oneOf, optional, shape, str } from '../http/decode.js';
import { proxyEnv } from '../http/proxy-env.js';
import { USER_AGENT } from '../http/user-agent.js';
import type { AuthState } from './auth.js';
import { selectEndpoint, serviceBase } from './catalog.js';
import type { TokenCache } from './token-cache.js';

/** What the session asked for first, as it asked for it. */
export interface FirstRequest {
  service: 'identity' | 'image';
  interface: Interface;
  region?: string;
  /** The service's base URL the session chose (from the token's catalog). */
  base: string;
  url: string;
  /** The session's headers, but the token. */
  headers: Record<string, string>;
  /** The token cache's key for the credentials. */
  tokenKey: string;
  timeoutSeconds: number;
}

export interface Remembered extends FirstRequest {
  /** The hash of the inputs (inputsOf). */
  inputs: string;
  /** The CLI's, opaque here: how to print the answer again, for a run that asked nothing more. */
  replay?: unknown;
}

/** A record is data from disk: checked as the token cache's entries are. */
const rememberedGuard = shape<Remembered>({
  inputs: str,
  service: oneOf(['identity', 'image']),
  interface: oneOf(['public', 'internal', 'admin']),
  region: optional(str),
  base: str,
  url: str,
  headers: dict(str),
  tokenKey: str,
  timeoutSeconds: num,
  replay: optional(anyValue),
});

const FORMAT = 4;
declare const __BUILD_ID__: string;
/** Another build may parse a command line into other options (a replay keeps them): its records are not this one's. */
const BUILD = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'source';
/** Besides OS_*: where the caches and clouds.yaml are, and the launcher's note of a closed stdout. */
const OTHER_ENV = new Set(['HOME', 'XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'OSC_STDOUT_CLOSED']);
/** The longest a connection is waited for, whatever --timeout says (as the wire). */
const CONNECT_LIMIT_MS = 30_000;
/** Far above a record: a larger file is not ours to read. */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

/** The inputs' hash computed last, and what it was computed from: both readers ask for the same (SHA-256 costs). */
let last: { text: string; inputs: string } | undefined;

/** A hash of the inputs a first request is derived from; undefined when a proxy is set (an early request would go around it). */
export function inputsOf(dialect: string, argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (proxyEnv(env)) return undefined;
  const vars = Object.keys(env)
    .filter((name) => name.startsWith('OS_') || OTHER_ENV.has(name))
    .sort()
    .map((name) => [name, env[name]]);
  const text = JSON.stringify([FORMAT, BUILD, dialect, argv, cwd, vars]);
  // SHA-256 (under a millisecond here, in JavaScript: node:crypto costs ~100 faults to load), not a
  // fast hash: the inputs hold the password, and a hash that can be run backwards would give it up
  // to whoever reads the record's name (an FNV-like one did, in seconds, by meet-in-the-middle).
  if (last?.text !== text) last = { text, inputs: sha256Hex(text).slice(0, 32) };
  return last.inputs;
}

/** The record's name beside the tokens, from the inputs' hash (the record is used only if it holds the whole hash). */
export function recordName(inputs: string): string {
  return `early-${inputs.slice(0, 16)}`;
}

/**
 * The text of the record of these inputs. The request written ahead reads it first and `keep`s it:
 * the early request, next, takes that text instead of reading the file again.
 */
export function readRecord(cache: TokenCache, inputs: string, keep = false): string | undefined {
  const kept = keptRead;
  keptRead = undefined;
  const text = kept?.inputs === inputs ? kept.text : cache.loadAside(recordName(inputs), MAX_RECORD_BYTES);
  if (keep) keptRead = { inputs, text };
  return text;
}

let keptRead: { inputs: string; text: string | undefined } | undefined;

/** The request a record holds, as the session would send it today: with the token it would use, to the endpoint it would choose. */
export interface EarlyRequestToday {
  record: Remembered;
  state: AuthState;
  url: URL;
  /** The session's headers, the token among them. */
  headers: Record<string, string>;
}

/**
 * The record's request, if it is the record of these inputs, its token is still cached and usable
 * (the token cache's own checks), and the endpoint the session would choose from that token's
 * catalog today (the identity URL, for Keystone) is still the one it went to; else undefined. Throws
 * on a record of another shape or an endpoint gone from the catalog.
 */
export function rememberedRequest(cache: TokenCache, inputs: string, text: string): EarlyRequestToday | undefined {
  const record = rememberedGuard(JSON.parse(text), '');
  // The token key names a file beside the record: a key of another form is not a record's.
  if (record.inputs !== inputs || !/^[0-9a-f]{64}$/.test(record.tokenKey)) return undefined;
  const state = cache.load(record.tokenKey, Date.now());
  if (!state) return undefined;
  // Where the session would send it today: the token's catalog decides, not the record.
  const base = record.service === 'identity' ? state.identityUrl : serviceBase(selectEndpoint(state.catalog, 'image', record.interface, record.region));
  const url = new URL(record.url);
  if (base !== record.base || url.origin !== new URL(base).origin || !record.url.startsWith(`${base}/`)) return undefined;
  return { record, state, url, headers: { 'User-Agent': USER_AGENT, ...record.headers, 'X-Auth-Token': state.token } };
}

/** The connect deadline of a request with this --timeout, as the wire has it. */
export function connectTimeoutMs(timeoutSeconds: number): number {
  return Math.min(Math.max(1, Math.ceil(timeoutSeconds * 1000)), CONNECT_LIMIT_MS);
}

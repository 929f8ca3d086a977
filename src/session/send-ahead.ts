// A cached command's first GET, written ahead of everything else (issue 16): the early request
// (./early-request.ts) could go only once its module, the token cache and their checks were loaded
// and run, about half of a kept-output run's own time, with Glance idle meanwhile. The entry reads
// the record a run with these inputs left (named by their SHA-256, secrets included: another
// password, token or empty prompt is another name) and the cached token it names, and writes that
// GET at once if the token is usable and its catalog's endpoint of that service, interface and
// region still has the record's origin; the early request takes that socket if it would write
// exactly those bytes there, else it is destroyed unread (src/http/early-socket.ts). Files are read
// only if they and their directory are ours (cache-dir.ts).
import { join } from 'node:path';
import { cacheDir, checkCacheDir, readOwnCacheBytes } from '../cache-dir.js';
import { sha256Hex } from '../hashes/sha256.js';
import { hostOf, portOf } from '../http/address.js';
import { requestHead, sendAheadOnSocket } from '../http/early-socket.js';
import { proxyEnv } from '../http/proxy-env.js';
import { USER_AGENT } from '../http/user-agent.js';
import type { Interface } from '../config/credentials.js';
import { selectEndpoint, serviceBase } from './catalog.js';
import { TokenCache } from './token-cache.js';

const FORMAT = 4;
declare const __BUILD_ID__: string;
/** Another build may parse a command line into other options (a replay keeps them): its records are not this one's. */
const BUILD = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'source';
/** Besides OS_*: where the caches and clouds.yaml are, and the launcher's note of a closed stdout. */
const OTHER_ENV = new Set(['HOME', 'XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'OSC_STDOUT_CLOSED']);
/** The longest a connection is waited for, whatever --timeout says (as the wire). */
export const CONNECT_LIMIT_MS = 30_000;
/** Far above a record, or a cached token with its catalog: a larger file is not ours to read. */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;
const INTERFACES = new Set<Interface>(['public', 'internal', 'admin']);
/** Longest wait for the request to be written before start-up goes on (as ../http/early.ts). */
const FLUSH_WAIT_MS = 10;

/** The inputs' hash computed last, and what it was computed from: the early request asks again for the same (SHA-256 costs). */
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

/** The headers of the GET sent early, as the session sends them. */
export function earlyHeaders(headers: Record<string, string>, token: string): Record<string, string> {
  return { 'User-Agent': USER_AGENT, ...headers, 'X-Auth-Token': token };
}

/** The connect deadline of a request with this --timeout, as the wire has it. */
export function connectTimeoutMs(timeoutSeconds: number): number {
  return Math.min(Math.max(1, Math.ceil(timeoutSeconds * 1000)), CONNECT_LIMIT_MS);
}

/** Writes the remembered request ahead, if its record and cached token are there and still send it there; never throws. */
export async function sendAhead(dialect: string, argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    const inputs = inputsOf(dialect, argv, env, process.cwd());
    const dir = cacheDir(env, 'tokens');
    if (inputs === undefined || checkCacheDir(dir, false) !== 'usable') return;
    const text = readOwnCacheBytes(join(dir, `${recordName(inputs)}.json`), MAX_RECORD_BYTES).toString('utf8');
    read = { inputs, text };
    const record = JSON.parse(text) as Partial<Record<string, unknown>>;
    if (record.inputs !== inputs || typeof record.tokenKey !== 'string' || !/^[0-9a-f]{64}$/.test(record.tokenKey)) return;
    const { url, headers, timeoutSeconds, service, interface: iface, region, base } = record;
    if (typeof url !== 'string' || !URL.canParse(url) || typeof timeoutSeconds !== 'number' || !stringsOnly(headers)) return;
    if (typeof base !== 'string' || (region !== undefined && typeof region !== 'string') || !INTERFACES.has(iface as Interface)) return;
    // The token the session would use (the token cache's own checks: its shape, its expiry), to the
    // endpoint it would choose today: as the early request checks them.
    const state = new TokenCache(dir).load(record.tokenKey, Date.now());
    if (!state) return;
    const chosen =
      service === 'identity'
        ? state.identityUrl
        : service === 'image'
          ? serviceBase(selectEndpoint(state.catalog, 'image', iface as Interface, region))
          : undefined;
    const target = new URL(url);
    if (target.protocol !== 'http:' || chosen !== base || target.origin !== new URL(base).origin || !url.startsWith(`${base}/`)) return;
    const token = state.token;
    const head = requestHead(target, earlyHeaders(headers, token));
    if (head === undefined) return;
    await sendAheadOnSocket(hostOf(target), portOf(target), head, connectTimeoutMs(timeoutSeconds), FLUSH_WAIT_MS);
  } catch {
    // None yet, not ours, of another shape: the early request goes as it would without.
  }
}

function stringsOnly(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** The text of the record of these inputs, if sendAhead read it this run (the early request takes it from there). */
export function recordTextRead(inputs: string): string | undefined {
  return read?.inputs === inputs ? read.text : undefined;
}

let read: { inputs: string; text: string } | undefined;

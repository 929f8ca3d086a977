// A cached command's first request, sent as the process starts (issue 16): a cached image-list
// spent ~20 ms loading the program before it asked Glance anything, then waited ~20 ms for the
// answer. What a run sent first is remembered beside the token it used, with the inputs it was
// derived from: the command line, the working directory and the environment variables that
// configure the client (a secret only as a short hash: another password is other inputs). A run
// with the same inputs sends that GET at once, with the token the cache holds, to the endpoint
// that token's catalog names today; the program, once loaded, takes the answer if its own first
// request is exactly that one (src/http/early.ts), and otherwise never reads it. Only the
// common, direct case is remembered: not through a proxy, with other TLS options, under --debug,
// in token mode, with --os-rc, clouds.yaml or an image endpoint given by flag.
import type { Interface } from '../config/credentials.js';
import { dict, num, oneOf, optional, shape, str } from '../http/decode.js';
import { sendEarly } from '../http/early.js';
import { proxyEnv } from '../http/proxy-env.js';
import { withoutUserinfo } from '../http/redact.js';
import { USER_AGENT } from '../http/user-agent.js';
import { Wire } from '../http/wire.js';
import { selectEndpoint, serviceBase } from './catalog.js';
import { TokenCache } from './token-cache.js';

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

interface Remembered extends FirstRequest {
  inputs: string;
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
});

const FORMAT = 1;
const SECRET_ENV = new Set(['OS_PASSWORD', 'OS_TOKEN', 'OS_AUTH_TOKEN', 'OS_SERVICE_TOKEN', 'OS_APPLICATION_CREDENTIAL_SECRET']);
/** Besides OS_*: where the caches and clouds.yaml are, and the launcher's note of a closed stdout. */
const OTHER_ENV = new Set(['HOME', 'XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'OSC_STDOUT_CLOSED']);
/**
 * Global flags a remembered command line may carry. Any other --os-* flag (a password, a token,
 * or an abbreviation argparse would take for one) keeps the command line out of the record.
 */
const PLAIN_OS_FLAG =
  /^--os[-_](image[-_]api[-_]version|region[-_]name|interface|endpoint[-_]type|username|user[-_]domain[-_]name|project[-_]name|tenant[-_]name|project[-_]domain[-_]name|auth[-_]url)(=|$)/;
const CONNECT_LIMIT_MS = 30_000;

/** This run's inputs, once the entry has asked (only then is a first request remembered). */
let runInputs: string | undefined;
/** The record as read at start, so that an unchanged one is not written again. */
let readText: string | undefined;

/** The inputs a first request is derived from, as text; undefined when this command line or environment is never remembered. */
export function inputsOf(dialect: string, argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (argv.some((arg) => /^--os[-_]/.test(arg) && !PLAIN_OS_FLAG.test(arg)) || proxyEnv(env)) return undefined;
  const vars = Object.keys(env)
    .filter((name) => name.startsWith('OS_') || OTHER_ENV.has(name))
    .sort()
    .map((name) => [name, SECRET_ENV.has(name) ? fnv64(env[name] ?? '') : withoutUserinfo(env[name] ?? '')]);
  return JSON.stringify([FORMAT, dialect, argv, cwd, vars]);
}

/** Sends the GET a run with these inputs sent first, if one was remembered and its token is still cached; never throws. */
export async function sendRememberedRequest(dialect: string, argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    runInputs = inputsOf(dialect, argv, env, process.cwd());
    if (runInputs === undefined) return;
    const cache = new TokenCache(TokenCache.defaultDir(env));
    readText = cache.loadAside(recordName(runInputs));
    const record = readText === undefined ? undefined : rememberedGuard(JSON.parse(readText), '');
    if (record?.inputs !== runInputs) return;
    const state = cache.load(record.tokenKey, Date.now());
    if (!state) return;
    // Where the session would send it today: the token's catalog decides, not the record.
    const base = record.service === 'identity' ? state.identityUrl : serviceBase(selectEndpoint(state.catalog, 'image', record.interface, record.region));
    const url = new URL(record.url);
    if (base !== record.base || url.origin !== new URL(base).origin || !record.url.startsWith(`${base}/`)) return;
    const timeoutMs = Math.max(1, Math.ceil(record.timeoutSeconds * 1000));
    const wire = new Wire(timeoutMs, Math.min(timeoutMs, CONNECT_LIMIT_MS), { rejectUnauthorized: true });
    await sendEarly(wire, url, { 'User-Agent': USER_AGENT, ...record.headers, 'X-Auth-Token': state.token });
  } catch {
    // A record of another shape, an endpoint gone from the catalog: the program runs as it would without.
  }
}

/** Whether this run's first request can be remembered (the entry worked out its inputs). */
export function remembersFirstRequest(): boolean {
  return runInputs !== undefined;
}

/** Keeps what this run sent first (called by the session, for a GET answered 2xx, when it sends direct). */
export function rememberFirstRequest(cache: TokenCache, first: FirstRequest): void {
  if (runInputs === undefined) return;
  const record: Remembered = { inputs: runInputs, ...first };
  const text = JSON.stringify(record);
  if (text !== readText) cache.saveAside(recordName(runInputs), text);
}

/** The record's file name: a hash of the inputs (the record holds them, and is used only if they are this run's). */
function recordName(inputs: string): string {
  return `early-${fnv64(inputs)}`;
}

/**
 * FNV-1a, twice with different offsets: 64 bits as 16 hex digits, computed in microseconds (a
 * cryptographic hash in JavaScript takes milliseconds before the first request). For a secret it
 * only tells another password from this one: the token cache's file names are already a SHA-256
 * of the credentials, password included, in the same private directory.
 */
function fnv64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

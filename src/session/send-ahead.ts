// A cached command's first GET, written ahead of everything else (issue 16): the early request
// (./early-request.ts) could go only once its module, the token cache and the SHA-256 of the inputs
// were loaded and run, about half of a kept-output run's own time, with Glance idle meanwhile. A run
// that sent its first request early (or remembered it) leaves a recipe of it beside the token it
// used: the bytes it wrote, the token among them, where to, and which cached token it was. A run with
// the same inputs writes those bytes at once if that cached token is still the one in them, usable,
// and its catalog still names that host and port (the token never goes where its catalog no longer
// points); the early request takes that socket if it would have written exactly those bytes there,
// else it is destroyed unread and the recipe replaced or removed (src/http/early-socket.ts).
// The recipe is found by a fast hash of the inputs. No secret goes into it: variables named as
// secrets count by name only, and a command line or variable that may hold one (a password or token
// option, credentials in a URL) has no recipe. Files are read only if they and their directory are
// ours (cache-dir.ts).
import { join } from 'node:path';
import { cacheDir, checkCacheDir, readOwnCacheBytes } from '../cache-dir.js';
import { hostOf, portOf } from '../http/address.js';
import { sendAheadOnSocket } from '../http/early-socket.js';
import { proxyEnv } from '../http/proxy-env.js';
import { tokenUsable } from './token-expiry.js';

declare const __BUILD_ID__: string;
const BUILD = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'source';
export const AHEAD_FORMAT = 1;
/** Besides OS_*: where the caches and clouds.yaml are, and the launcher's note of a closed stdout. */
export const OTHER_ENV = new Set(['HOME', 'XDG_CACHE_HOME', 'XDG_CONFIG_HOME', 'OSC_STDOUT_CLOSED']);
/** A variable whose value may be a secret: only whether it is set is an input of the recipe's name. */
const SECRET_NAME = /PASS|TOKEN|SECRET|KEY|CREDENTIAL/i;
/** An argument that may be or hold a secret (--os-password X, --pass X, --os-token=X): no recipe for that command line. */
const SECRET_ARGUMENT = /pass|token|secret|key|credential/i;
/** Credentials in a URL (http://user:password@host): no recipe for an input that holds one. */
const USERINFO = /:\/\/[^/?#]*@/;
/** Far above a recipe (a request head with a token), or a cached token with its catalog: a larger file is not ours to read. */
const MAX_RECIPE_BYTES = 64 * 1024;
const MAX_TOKEN_BYTES = 4 * 1024 * 1024;
/** Longest wait for the request to be written before start-up goes on (as ../http/early.ts). */
const FLUSH_WAIT_MS = 10;

export interface AheadRecipe {
  format: number;
  host: string;
  port: number;
  /** The request as written: request line and headers, the token among them. */
  head: string;
  /** The token cache's key of the token in it (its file's name). */
  tokenKey: string;
  connectTimeoutMs: number;
}

/** The recipe's name beside the tokens for these inputs (a TokenCache aside name); undefined if there is none for them. */
export function aheadName(dialect: string, argv: readonly string[], env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  if (proxyEnv(env) || argv.some((arg) => SECRET_ARGUMENT.test(arg) || USERINFO.test(arg))) return undefined;
  const vars = Object.keys(env)
    .filter((name) => name.startsWith('OS_') || OTHER_ENV.has(name))
    .sort()
    .map((name) => [name, SECRET_NAME.test(name) ? '' : env[name]]);
  if (vars.some(([, value]) => USERINFO.test(value ?? ''))) return undefined;
  return `early-${hash64(JSON.stringify([AHEAD_FORMAT, BUILD, dialect, argv, cwd, vars]))}-ahead`;
}

/** Writes the remembered request ahead, if a recipe for these inputs is there and still usable; never throws. */
export async function sendAhead(dialect: string, argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    const name = aheadName(dialect, argv, env, process.cwd());
    const dir = cacheDir(env, 'tokens');
    if (name === undefined || checkCacheDir(dir, false) !== 'usable') return;
    readText = readOwnCacheBytes(join(dir, `${name}.json`), MAX_RECIPE_BYTES).toString('utf8');
    const recipe = recipeOf(JSON.parse(readText));
    if (recipe === undefined || !tokenStillSends(recipe, JSON.parse(readOwnCacheBytes(join(dir, `${recipe.tokenKey}.json`), MAX_TOKEN_BYTES).toString('utf8'))))
      return;
    await sendAheadOnSocket(recipe.host, recipe.port, recipe.head, recipe.connectTimeoutMs, FLUSH_WAIT_MS);
  } catch {
    // None yet, not ours, of another shape: the early request goes as it would without.
  }
}

/** The recipe's text as sendAhead read it this run (an unchanged one is not written again). */
export function aheadReadText(): string | undefined {
  return readText;
}

let readText: string | undefined;

const HOST = /^(?:[A-Za-z0-9.-]+|[0-9A-Fa-f:.]+)$/;
/** A GET's head as ../http/early.ts writes it: the request line, header lines, the blank line, nothing after it. */
const HEAD = /^GET \/[\x21-\xff]* HTTP\/1\.1\r\n(?:[!#$%&'*+\-.^\w`|~]+: [\t\x20-\x7e\x80-\xff]*\r\n)+\r\n$/;

/** A recipe is data from disk: used only if every field is what a recipe holds. */
function recipeOf(value: unknown): AheadRecipe | undefined {
  const r = value as Partial<AheadRecipe> | null;
  if (typeof r !== 'object' || r === null || r.format !== AHEAD_FORMAT) return undefined;
  const { host, port, head, tokenKey, connectTimeoutMs } = r;
  if (typeof host !== 'string' || !HOST.test(host) || !Number.isInteger(port) || port! < 1 || port! > 65535) return undefined;
  if (typeof head !== 'string' || !HEAD.test(head) || typeof tokenKey !== 'string' || !/^[0-9a-f]{64}$/.test(tokenKey)) return undefined;
  if (!Number.isInteger(connectTimeoutMs) || connectTimeoutMs! < 1 || connectTimeoutMs! > 60_000) return undefined;
  return r as AheadRecipe;
}

/**
 * Whether the cached token (its entry, as the token cache keeps it) is the one the recipe's request
 * carries, still usable, and its catalog (or its identity URL) still names the recipe's host and port.
 */
function tokenStillSends(recipe: AheadRecipe, entry: unknown): boolean {
  const { token, expiresAt, identityUrl, catalog } = (entry ?? {}) as { token?: unknown; expiresAt?: unknown; identityUrl?: unknown; catalog?: unknown };
  if (typeof token !== 'string' || !recipe.head.includes(`\r\nX-Auth-Token: ${token}\r\n`)) return false;
  if (typeof expiresAt !== 'string' || !tokenUsable(expiresAt, Date.now())) return false;
  const urls = [
    identityUrl,
    ...(Array.isArray(catalog) ? catalog.flatMap((service) => (Array.isArray(service?.endpoints) ? service.endpoints : [])) : []).map((e) => e?.url),
  ];
  return urls.some((url) => {
    if (typeof url !== 'string' || !URL.canParse(url)) return false;
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && hostOf(parsed) === recipe.host && portOf(parsed) === recipe.port;
  });
}

/**
 * 16 hex digits of a fast 64-bit hash (two multiplicative 32-bit lanes, mixed at the end): the
 * name of a recipe, over inputs that hold no secret. SHA-256 in JavaScript, which the record's
 * name needs, costs about a millisecond more.
 */
export function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

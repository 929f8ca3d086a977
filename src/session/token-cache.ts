// Tokens are reused across CLI runs (the classic --os-cache, on by default): a token request
// costs more than the rest of a typical command. Files are private and written atomically.
// A cache entry decides where the next requests (and a new user's password) go, so nothing in it
// is trusted unless it is ours: directories and files owned by this user, never symlinks (a root
// whose XDG_CACHE_HOME another user owns would otherwise follow their link and read their entry).
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, checkCacheDir, readOwnCacheFile, UntrustedCacheFile, writeOwnCacheFile } from '../cache-dir.js';
import { sha256Hex } from '../hashes/sha256.js';
import { type Guard, optional, ShapeError, shape, str, time } from '../http/decode.js';
import type { AuthState } from './auth.js';
import { catalogGuard } from './catalog.js';

const REFRESH_MARGIN_MS = 5 * 60 * 1000;
/** Names of the records kept beside the tokens (a token's own name is its 64-digit key). */
const ASIDE_NAME = /^early-[0-9a-f]{16}(-output)?$/;
const ASIDE_FILE = /^early-[0-9a-f]{16}(-output)?\.json$/;
/** Records kept at most: two per command line and settings, so a loop over many IDs must not grow the directory forever. */
const MAX_ASIDE = 64;

/** A token goes into an X-Auth-Token header: visible ASCII only, never empty (a line break would break the request). */
const tokenText: Guard<string> = (value, at) => {
  const token = str(value, at);
  if (!/^[\x21-\x7e]+$/.test(token)) throw new ShapeError(at, 'is not a token (visible ASCII characters)');
  return token;
};

/** A cache file is data from disk (another version of this program, a hand edit): checked as a server answer is. */
const authStateGuard = shape<AuthState>({
  token: tokenText,
  expiresAt: time,
  identityUrl: str,
  userId: str,
  userName: optional(str),
  projectId: optional(str),
  projectName: optional(str),
  catalog: catalogGuard,
});

export class TokenCache {
  /** Undefined until first use; then whether the cache may be used at all this run. */
  private usable?: boolean;

  /** `warn` hears, once, why the cache is not used. */
  constructor(
    private readonly dir: string,
    private readonly warn?: (message: string) => void,
  ) {}

  static defaultDir(env: NodeJS.ProcessEnv): string {
    return cacheDir(env, 'tokens');
  }

  /** A key over everything that decides which token the server would issue, secret included, hashed. */
  static key(parts: ReadonlyArray<string | undefined>): string {
    return sha256Hex(JSON.stringify(parts));
  }

  load(key: string, now: number): AuthState | undefined {
    if (!this.trusted(false)) return undefined;
    try {
      const state = authStateGuard(JSON.parse(this.readOwnFile(this.path(key))), '');
      if (Date.parse(state.expiresAt) - REFRESH_MARGIN_MS <= now) return undefined;
      return state;
    } catch {
      return undefined; // missing, unreadable, corrupt or of another shape: authenticate afresh and overwrite
    }
  }

  save(key: string, state: AuthState): void {
    this.write(key, JSON.stringify(state));
  }

  private write(name: string, text: string): void {
    if (!this.trusted(true)) return;
    try {
      writeOwnCacheFile(this.path(name), text);
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }

  /** Another record kept beside the tokens (src/session/early-request.ts), with the same checks; undefined if absent, unreadable or over maxBytes. */
  loadAside(name: string, maxBytes?: number): string | undefined {
    if (!ASIDE_NAME.test(name) || !this.trusted(false)) return undefined;
    try {
      return this.readOwnFile(this.path(name), maxBytes);
    } catch {
      return undefined;
    }
  }

  /** Writes a record beside the tokens; one more than MAX_ASIDE such records and the least recently written go. */
  saveAside(name: string, text: string): void {
    if (!ASIDE_NAME.test(name) || !this.trusted(true)) return;
    const added = !lstatSync(this.path(name), { throwIfNoEntry: false });
    this.write(name, text);
    if (added) this.pruneAside();
  }

  private pruneAside(): void {
    try {
      const records = readdirSync(this.dir)
        .filter((file) => ASIDE_FILE.test(file))
        .map((file) => ({ file, written: lstatSync(join(this.dir, file)).mtimeMs }));
      records.sort((a, b) => a.written - b.written);
      for (const { file } of records.slice(0, Math.max(0, records.length - MAX_ASIDE))) rmSync(join(this.dir, file), { force: true });
    } catch {
      // A record that cannot be removed only costs disk space until the next try.
    }
  }

  drop(key: string): void {
    // Unlinking never follows a link; still, a directory that is not ours is left alone.
    if (this.trusted(false)) rmSync(this.path(key), { force: true });
  }

  /** readOwnCacheFile, a refusal (a link, another user's) also said once as a warning. */
  private readOwnFile(path: string, maxBytes?: number): string {
    try {
      return readOwnCacheFile(path, maxBytes);
    } catch (err) {
      if (err instanceof UntrustedCacheFile) this.refuse(err.message);
      throw err;
    }
  }

  /** checkCacheDir, once usable remembered, a problem also said once as a warning. */
  private trusted(create: boolean): boolean {
    if (this.usable !== undefined) return this.usable;
    try {
      const state = checkCacheDir(this.dir, create);
      if (typeof state === 'object') return this.refuse(state.problem);
      if (state === 'usable') this.usable = true;
      return true;
    } catch {
      return false; // a cache that cannot be made only costs speed
    }
  }

  private refuse(problem: string): false {
    if (this.usable !== false)
      this.warn?.(`WARNING: not using the token cache: ${problem}; its directories and files must be your own, not links (remove it, or set XDG_CACHE_HOME).`);
    this.usable = false;
    return false;
  }

  private path(key: string): string {
    return join(this.dir, `${key}.json`);
  }
}

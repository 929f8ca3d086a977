// Tokens are reused across CLI runs (the classic --os-cache, on by default): a token request
// costs more than the rest of a typical command. Files are private and written atomically.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type Guard, optional, ShapeError, shape, str, time } from '../http/decode.js';
import type { AuthState } from './auth.js';
import { catalogGuard } from './catalog.js';

const REFRESH_MARGIN_MS = 5 * 60 * 1000;

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
  constructor(private readonly dir: string) {}

  static defaultDir(env: NodeJS.ProcessEnv): string {
    const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
    return join(base, 'openstack-classic-cli', 'tokens');
  }

  /** A key over everything that decides which token the server would issue, secret included, hashed. */
  static key(parts: ReadonlyArray<string | undefined>): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  load(key: string, now: number): AuthState | undefined {
    try {
      const state = authStateGuard(JSON.parse(readFileSync(this.path(key), 'utf8')), '');
      if (Date.parse(state.expiresAt) - REFRESH_MARGIN_MS <= now) return undefined;
      return state;
    } catch {
      return undefined; // missing, unreadable, corrupt or of another shape: authenticate afresh and overwrite
    }
  }

  save(key: string, state: AuthState): void {
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      chmodSync(this.dir, 0o700);
      const tmp = `${this.path(key)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(tmp, JSON.stringify(state), { mode: 0o600 });
      renameSync(tmp, this.path(key));
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }

  drop(key: string): void {
    rmSync(this.path(key), { force: true });
  }

  private path(key: string): string {
    return join(this.dir, `${key}.json`);
  }
}

import { spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuthState } from '../../src/session/auth.js';
import { TokenCache } from '../../src/session/token-cache.js';

const NOW = Date.parse('2030-01-01T12:00:00Z');

function state(expiresInMinutes: number): AuthState {
  return { token: 'tok', expiresAt: new Date(NOW + expiresInMinutes * 60_000).toISOString(), identityUrl: 'http://ks/v3', userId: 'u', catalog: [] };
}

describe('token cache', () => {
  it('lives under XDG_CACHE_HOME, else ~/.cache', () => {
    expect(TokenCache.defaultDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/openstack-classic-cli/tokens');
    expect(TokenCache.defaultDir({ HOME: '/home/u' })).toBe('/home/u/.cache/openstack-classic-cli/tokens');
  });

  it('keys by a hash over everything, secret included: another password is another key', () => {
    const a = TokenCache.key(['http://ks/v3', 'admin', 'pw']);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(TokenCache.key(['http://ks/v3', 'admin', 'pw2'])).not.toBe(a);
    expect(TokenCache.key(['http://ks/v3', 'admin', 'pw'])).toBe(a);
    expect(a).not.toContain('pw');
  });

  it('reuses a token until 5 minutes before it expires', () => {
    const cache = new TokenCache(join(mkdtempSync(join(tmpdir(), 'osc-tc-')), 'tokens'));
    cache.save('k1', state(6));
    expect(cache.load('k1', NOW)?.token).toBe('tok');
    cache.save('k2', state(5));
    expect(cache.load('k2', NOW)).toBeUndefined();
    expect(cache.load('missing', NOW)).toBeUndefined();
  });

  it('writes 0600 files in a 0700 directory, atomically (no temporary files left), and drops them', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'osc-tc-')), 'a', 'tokens');
    const cache = new TokenCache(dir);
    cache.save('k', state(60));
    cache.save('k', state(61));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dir)).toEqual(['k.json']);
    expect(statSync(join(dir, 'k.json')).mode & 0o777).toBe(0o600);
    cache.drop('k');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('treats a corrupt file as a miss', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osc-tc-'));
    writeFileSync(join(dir, 'k.json'), '{"token": 1');
    expect(new TokenCache(dir).load('k', NOW)).toBeUndefined();
  });

  it.each<[string, Record<string, unknown>]>([
    ['an expiry that does not parse (NaN compares false with the clock)', { expiresAt: 'never' }],
    ['an expiry that is not a string', { expiresAt: 1893456000000 }],
    ['no identityUrl', { identityUrl: undefined }],
    ['no userId', { userId: undefined }],
    ['a catalog that is not a list', { catalog: {} }],
    ['a catalog entry without endpoints', { catalog: [{ id: 's', type: 'image' }] }],
    ['a catalog endpoint without a url', { catalog: [{ id: 's', type: 'image', endpoints: [{ id: 'e', interface: 'public' }] }] }],
    ['an empty token', { token: '' }],
    ['a token with a line break (it would break the X-Auth-Token header)', { token: 'a\r\nX-Evil: 1' }],
  ])('ignores an entry with %s: authenticate afresh, not reuse it forever', (_label, change) => {
    const dir = mkdtempSync(join(tmpdir(), 'osc-tc-'));
    writeFileSync(join(dir, 'k.json'), JSON.stringify({ ...state(60), ...change }));
    expect(new TokenCache(dir).load('k', NOW)).toBeUndefined();
  });

  it('takes a well-formed entry with its catalog', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osc-tc-'));
    const catalog = [{ id: 's', type: 'image', endpoints: [{ id: 'e', interface: 'public', region_id: null, url: 'http://gl' }] }];
    writeFileSync(join(dir, 'k.json'), JSON.stringify({ ...state(60), catalog }));
    expect(new TokenCache(dir).load('k', NOW)?.catalog).toEqual(catalog);
  });
});

// Root with XDG_CACHE_HOME in a directory another user owns: that user could plant links or
// forged entries that send root's next requests (and a new user's password) to their endpoint.
describe.runIf(process.getuid?.() === 0)('token cache trusts only what is its own (as root)', () => {
  const OTHER = 65534;
  const forged = JSON.stringify({ ...state(60), token: 'forged', identityUrl: 'http://attacker/v3' });

  function setup(): { base: string; app: string; dir: string; warnings: string[]; cache: TokenCache } {
    const base = mkdtempSync(join(tmpdir(), 'osc-tc-trust-'));
    const app = join(base, 'openstack-classic-cli');
    const dir = join(app, 'tokens');
    const warnings: string[] = [];
    return { base, app, dir, warnings, cache: new TokenCache(dir, (m) => warnings.push(m)) };
  }

  it('a base directory another user owns: warned once, nothing read or written', () => {
    const { base, dir, warnings, cache } = setup();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'k.json'), forged);
    chownSync(base, OTHER, OTHER);
    expect(cache.load('k', NOW)).toBeUndefined();
    cache.save('k2', state(60));
    cache.drop('k');
    expect(readdirSync(dir).sort()).toEqual(['k.json']);
    expect(warnings).toEqual([expect.stringContaining(`${base} belongs to another user (uid ${OTHER})`)]);
  });

  for (const linked of ['app', 'dir'] as const) {
    it(`a symlink planted at the ${linked === 'app' ? 'cache' : 'tokens'} directory is not followed`, () => {
      const { app, dir, warnings, cache } = setup();
      const target = mkdtempSync(join(tmpdir(), 'osc-tc-target-'));
      const path = linked === 'app' ? app : dir;
      if (linked === 'dir') mkdirSync(app);
      if (linked === 'app') mkdirSync(join(target, 'tokens'));
      writeFileSync(join(target, linked === 'app' ? 'tokens/k.json' : 'k.json'), forged);
      symlinkSync(target, path);
      expect(cache.load('k', NOW)).toBeUndefined();
      cache.save('k2', state(60));
      expect(readdirSync(linked === 'app' ? join(target, 'tokens') : target)).toEqual(['k.json']);
      expect(warnings).toEqual([expect.stringContaining(`${path} is a symbolic link`)]);
    });
  }

  it('a FIFO planted at a cache file or a record is refused, not waited on (opening one to read blocks until a writer comes)', () => {
    const { dir, warnings, cache } = setup();
    mkdirSync(dir, { recursive: true });
    for (const name of ['k.json', 'early-0123456789abcdef.json']) expect(spawnSync('mkfifo', ['-m', '600', join(dir, name)]).status).toBe(0);
    expect(cache.load('k', NOW)).toBeUndefined();
    expect(cache.loadAside('early-0123456789abcdef')).toBeUndefined();
    expect(warnings[0]).toBe(
      `WARNING: not using the token cache: ${join(dir, 'k.json')} is not a file; its directories and files must be your own, not links (remove it, or set XDG_CACHE_HOME).`,
    );
  });

  it('a symlink planted at a cache file is not followed; a file another user owns is not read', () => {
    const { dir, warnings, cache } = setup();
    mkdirSync(dir, { recursive: true });
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'osc-tc-target-')), 'forged.json');
    writeFileSync(elsewhere, forged);
    symlinkSync(elsewhere, join(dir, 'k.json'));
    expect(cache.load('k', NOW)).toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining(`${join(dir, 'k.json')} is a symbolic link`)]);

    const second = setup();
    mkdirSync(second.dir, { recursive: true });
    writeFileSync(join(second.dir, 'k.json'), forged);
    chownSync(join(second.dir, 'k.json'), OTHER, OTHER);
    expect(second.cache.load('k', NOW)).toBeUndefined();
    expect(second.warnings).toEqual([expect.stringContaining('belongs to another user (uid 65534)')]);
  });

  it('its own directories and files still work', () => {
    const { dir, warnings, cache } = setup();
    cache.save('k', state(60));
    expect(cache.load('k', NOW)?.token).toBe('tok');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(warnings).toEqual([]);
  });
});

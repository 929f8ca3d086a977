import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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

// Catalogue: a still-valid token is refused mid-run (revoked, Keystone restarted with new keys):
// the CLI authenticates once more, retries, succeeds, and replaces the cached token.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';
import { KEYSTONE_401, oneLine, startCloudProxies, type CloudProxies } from '../helpers/fault-proxy.js';

let proxies: CloudProxies;
let cacheHome: string;
const tokenDir = (): string => join(cacheHome, 'openstack-classic-cli', 'tokens');
const cachedTokens = (): string[] =>
  readdirSync(tokenDir())
    .filter((f) => f.endsWith('.json'))
    .map((f) => (JSON.parse(readFileSync(join(tokenDir(), f), 'utf8')) as { token: string }).token);

beforeAll(async () => {
  proxies = await startCloudProxies(adminEnv());
  cacheHome = mkdtempSync(join(tmpdir(), 'osc-reauth-cache-'));
});
afterAll(async () => proxies.close());

const env = (): Record<string, string> => proxies.env({ XDG_CACHE_HOME: cacheHome });

describe('token refused mid-run', () => {
  it('glance: 401 on a cached, valid token → one re-authentication, then success; the cache holds the new token', async () => {
    proxies.reset();
    const first = await runCli('glance', ['image-list'], { env: env() });
    expect(first.code).toBe(0);
    expect(proxies.keystone.count('POST', '/v3/auth/tokens')).toBe(1);
    const [oldToken] = cachedTokens();
    expect(oldToken).toBeTruthy();

    proxies.reset();
    proxies.glance.add({ method: 'GET', path: '/v2/images', times: 1, action: { kind: 'status', status: 401, body: KEYSTONE_401 } });
    const r = await runCli('glance', ['image-list'], { env: env() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\+-+/);
    expect(proxies.keystone.count('POST', '/v3/auth/tokens')).toBe(1);
    expect(proxies.glance.count('GET', '/v2/images')).toBe(2);
    const tokens = cachedTokens();
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).not.toBe(oldToken);

    // The next run uses the new cached token: no authentication at all.
    proxies.reset();
    const again = await runCli('glance', ['image-list'], { env: env() });
    expect(again.code).toBe(0);
    expect(proxies.keystone.count('POST', '/v3/auth/tokens')).toBe(0);
  });

  it('keystone: 401 on GET /v3/projects once → one re-authentication, then success', async () => {
    proxies.reset();
    proxies.keystone.add({ method: 'GET', path: '/v3/projects', times: 1, action: { kind: 'status', status: 401, body: KEYSTONE_401 } });
    const r = await runCli('keystone', ['tenant-list'], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\|\s+admin\s+\|/);
    expect(proxies.keystone.count('POST', '/v3/auth/tokens')).toBe(1);
    expect(proxies.keystone.count('GET', '/v3/projects')).toBe(2);
  });

  it('401 every time → exactly one re-authentication, then one line, exit 1 (no loop)', async () => {
    proxies.reset();
    proxies.glance.add({ method: 'GET', path: '/v2/images', action: { kind: 'status', status: 401, body: KEYSTONE_401 } });
    const r = await runCli('glance', ['image-list'], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toBe('Invalid OpenStack Identity credentials.');
    expect(proxies.keystone.count('POST', '/v3/auth/tokens')).toBe(1);
    expect(proxies.glance.count('GET', '/v2/images')).toBe(2);
  });

  it('wrong password → 401 from Keystone → classic one line, exit 1, nothing cached', async () => {
    proxies.reset();
    const before = cachedTokens();
    const r = await runCli('keystone', ['tenant-list'], { env: env() });
    expect(r.code).toBe(0);
    const bad = await runCli('keystone', ['--os-password', 'not-the-password', 'tenant-list'], { env: env() });
    expect(bad.code).toBe(1);
    expect(oneLine(bad.stderr)).toBe('Invalid OpenStack Identity credentials.');
    expect(cachedTokens()).toEqual(before);
  });
});

// The token cache against the real cloud, observed through the --debug trace.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridRows, runCli, type CliResult } from '../helpers/cli.js';
import { adminEnv, cloud, STATE_DIR } from '../helpers/cloud.js';
import { revokeToken } from '../helpers/keystone-admin.js';

const keystoneRoot = () => cloud().keystone_url.replace(/\/v3$/, '');

/** A private cache home per test, so counts do not depend on other tests. */
function cacheEnv(extra: Record<string, string> = {}): { env: Record<string, string>; tokens: string } {
  const home = mkdtempSync(join(tmpdir(), 'osc-cache-'));
  return { env: adminEnv({ XDG_CACHE_HOME: home, ...extra }), tokens: join(home, 'openstack-classic-cli', 'tokens') };
}

/** Requests the trace shows going to Keystone, as "METHOD path" (query strings dropped). */
function keystoneRequests(r: CliResult): string[] {
  return r.stderr
    .split('\n')
    .filter((l) => l.startsWith('REQ: curl'))
    .map((l) => /-X (\S+) (\S+)/.exec(l)!)
    .filter((m) => m[2]!.startsWith(keystoneRoot()))
    .map((m) => `${m[1]} ${m[2]!.slice(keystoneRoot().length).replace(/\?.*$/, '')}`);
}

function tokenOf(r: CliResult): string {
  return Object.fromEntries(gridRows(r.stdout).map(([k, v]) => [k, v])).id!;
}

describe('token cache', () => {
  it('a second glance image-list makes no Keystone request', async () => {
    const { env } = cacheEnv();
    const first = await runCli('glance', ['--debug', 'image-list'], { env });
    expect(first.code).toBe(0);
    expect(keystoneRequests(first)).toEqual(['POST /v3/auth/tokens']);
    const second = await runCli('glance', ['--debug', 'image-list'], { env });
    expect(second.code).toBe(0);
    expect(keystoneRequests(second)).toEqual([]);
    expect(second.stderr).toContain(`GET ${cloud().glance_url}/v2/images`);
    expect(second.stdout).toBe(first.stdout);
  });

  it('cache files are 0600 in a 0700 directory, named by a hash, with no secret in the name', async () => {
    const { env, tokens } = cacheEnv();
    expect((await runCli('keystone', ['tenant-list'], { env })).code).toBe(0);
    expect(statSync(tokens).mode & 0o777).toBe(0o700);
    expect(statSync(join(tokens, '..')).mode & 0o777).toBe(0o700);
    // The token, and what the first request was (src/session/early-request.ts).
    const files = readdirSync(tokens).filter((file) => !file.startsWith('early-'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{64}\.json$/);
    expect(statSync(join(tokens, files[0]!)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(tokens, files[0]!), 'utf8')).not.toContain(cloud().admin_password);
  });

  it('a revoked token triggers exactly one re-authentication, and the new token is cached', async () => {
    const { env } = cacheEnv();
    const issued = await runCli('keystone', ['token-get'], { env });
    expect(issued.code).toBe(0);
    const revoked = tokenOf(issued);
    await revokeToken(revoked);
    const r = await runCli('glance', ['--debug', 'image-list'], { env });
    expect(r.stderr).not.toContain('Invalid OpenStack');
    expect(r.code).toBe(0);
    expect(keystoneRequests(r)).toEqual(['POST /v3/auth/tokens']);
    expect(r.stderr.match(/^RESP: \[401\] GET .*\/v2\/images/gm)).toHaveLength(1);
    expect(r.stderr.match(/^RESP: \[200\] GET .*\/v2\/images/gm)).toHaveLength(1);
    const after = await runCli('keystone', ['--debug', 'token-get'], { env });
    expect(keystoneRequests(after)).toEqual([]);
    expect(tokenOf(after)).not.toBe(revoked);
  });

  it('a revoked token also re-authenticates once for Keystone itself', async () => {
    const { env } = cacheEnv();
    const revoked = tokenOf(await runCli('keystone', ['token-get'], { env }));
    await revokeToken(revoked);
    const r = await runCli('keystone', ['--debug', 'tenant-list'], { env });
    expect(r.code).toBe(0);
    expect(keystoneRequests(r)).toEqual(['GET /v3/projects', 'POST /v3/auth/tokens', 'GET /v3/projects']);
  });

  it('a wrong password never reuses a cached token', async () => {
    const { env, tokens } = cacheEnv();
    const name = `wrong-password-${process.pid}`;
    expect((await runCli('glance', ['image-list'], { env })).code).toBe(0);
    expect((await runCli('glance', ['image-list', '--name', name], { env })).code).toBe(0);
    const r = await runCli('glance', ['--debug', 'image-list'], { env: { ...env, OS_PASSWORD: 'wrong-password' } });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Invalid OpenStack Identity credentials\.\n$/);
    expect(keystoneRequests(r)).toEqual(['POST /v3/auth/tokens']);
    expect(r.stderr).not.toContain('/v2/images');
    expect(readdirSync(tokens).filter((file) => !file.startsWith('early-'))).toHaveLength(1);
    // Not even sent as the process starts (src/session/early-request.ts), without --debug: Glance sees no image-list.
    const lists = () => readFileSync(join(STATE_DIR, 'logs', 'glance-api.log'), 'utf8').split(`"GET /v2/images?name=${name}&`).length;
    const before = lists();
    const quiet = await runCli('glance', ['image-list', '--name', name], { env: { ...env, OS_PASSWORD: 'wrong-password' } });
    expect(quiet.code).toBe(1);
    expect(lists()).toBe(before);
  });

  it('--no-cache and OS_CACHE=0 neither read nor write the cache; --force-new-token refreshes it', async () => {
    const { env, tokens } = cacheEnv();
    for (const run of [
      () => runCli('glance', ['--debug', '--no-cache', 'image-list'], { env }),
      () => runCli('glance', ['--debug', 'image-list'], { env: { ...env, OS_CACHE: '0' } }),
    ]) {
      const r = await run();
      expect(r.code).toBe(0);
      expect(keystoneRequests(r)).toEqual(['POST /v3/auth/tokens']);
    }
    expect(() => readdirSync(tokens)).toThrow();
    const first = tokenOf(await runCli('keystone', ['token-get'], { env }));
    const forced = await runCli('keystone', ['--debug', '--force-new-token', 'token-get'], { env });
    expect(keystoneRequests(forced)).toEqual(['POST /v3/auth/tokens']);
    const refreshed = tokenOf(forced);
    expect(refreshed).not.toBe(first);
    expect(tokenOf(await runCli('keystone', ['token-get'], { env }))).toBe(refreshed);
  });

  it('concurrent CLI processes leave one valid cache file and no temporary files', async () => {
    const { env, tokens } = cacheEnv();
    const results = await Promise.all(Array.from({ length: 6 }, () => runCli('glance', ['image-list'], { env })));
    for (const r of results) expect(r.code).toBe(0);
    // The token, and what the first request was (src/session/early-request.ts).
    const files = readdirSync(tokens).filter((file) => !file.startsWith('early-'));
    expect(files).toHaveLength(1);
    const state = JSON.parse(readFileSync(join(tokens, files[0]!), 'utf8')) as { token: string; expiresAt: string };
    expect(state.token.length).toBeGreaterThan(20);
    expect(Date.parse(state.expiresAt)).toBeGreaterThan(Date.now());
  });
});

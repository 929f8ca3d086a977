// Catalogue: the auth URL (or the image URL) cannot be reached. Each failure must be one line that
// names the URL and the cause, exit 1, print nothing on stdout and leave no token behind.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_HOME, runCli } from '../helpers/cli.js';
import { adminEnv, cloud } from '../helpers/cloud.js';
import { closedPort, oneLine, selfSignedTlsServer, silentServer } from '../helpers/fault-proxy.js';

const tokenFiles = (): string[] => {
  const dir = join(CACHE_HOME, 'openstack-classic-cli', 'tokens');
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe('unreachable auth URL', () => {
  let tls: Awaited<ReturnType<typeof selfSignedTlsServer>>;
  let silent: Awaited<ReturnType<typeof silentServer>>;
  let refusedPort = 0;
  beforeAll(async () => {
    tls = await selfSignedTlsServer();
    silent = await silentServer();
    refusedPort = await closedPort();
  });
  afterAll(async () => {
    await tls.close();
    await silent.close();
  });

  const cases: Array<[string, () => string, RegExp, string[]]> = [
    ['connection refused', () => `http://127.0.0.1:${refusedPort}/v3`, /connection refused/, []],
    ['DNS failure', () => 'http://keystone.osc-test.invalid:5000/v3', /host name not found|lookup failed/, []],
    ['TLS failure (self-signed)', () => `https://127.0.0.1:${tls.port}/v3`, /TLS certificate is self-signed.*--os-cacert/, []],
    ['timeout (server accepts, never answers)', () => `http://127.0.0.1:${silent.port}/v3`, /Timed out waiting 2 s .*--timeout 2/, ['--timeout', '2']],
  ];

  for (const [name, url, cause, extra] of cases) {
    for (const dialect of ['glance', 'keystone'] as const) {
      it(`${dialect}: ${name} → one line naming the URL and the cause, exit 1`, async () => {
        const before = tokenFiles();
        const started = Date.now();
        const command = dialect === 'glance' ? 'image-list' : 'tenant-list';
        const r = await runCli(dialect, [...extra, command], { env: adminEnv({ OS_AUTH_URL: url() }), timeoutMs: 30_000 });
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        const line = oneLine(r.stderr);
        expect(line).toContain(url());
        expect(line).toMatch(cause);
        expect(tokenFiles()).toEqual(before);
        if (extra.includes('--timeout')) expect(Date.now() - started).toBeLessThan(15_000);
      });
    }
  }

  it('glance: image endpoint refused while Keystone works → names the image URL', async () => {
    const port = await closedPort();
    const r = await runCli('glance', ['image-list'], { env: adminEnv({ OS_IMAGE_URL: `http://127.0.0.1:${port}` }) });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toMatch(new RegExp(`http://127\\.0\\.0\\.1:${port}/v2/images.*connection refused`));
  });

  it('the same TLS server is accepted with --insecure (the failure really was TLS)', async () => {
    // The server answers {} to everything, so authentication fails later, but not on TLS.
    const r = await runCli('keystone', ['--insecure', 'tenant-list'], { env: adminEnv({ OS_AUTH_URL: `https://127.0.0.1:${tls.port}/v3` }) });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/TLS|certificate/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('sanity: the real cloud answers through the same path', async () => {
    const r = await runCli('keystone', ['tenant-list'], { env: adminEnv({ OS_AUTH_URL: cloud().keystone_url }) });
    expect(r.code).toBe(0);
  });
});

// The CLI through HTTPS endpoints signed by a throwaway CA: verification on by default,
// --os-cacert / OS_CACERT, --insecure / OS_INSECURE, and client certificates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridRows, runCli } from '../helpers/cli.js';
import { cloud } from '../helpers/cloud.js';
import { makeTestPki, startTlsProxy, type TestPki, type TlsProxy } from '../helpers/tls-proxy.js';

let pki: TestPki;
let keystone: TlsProxy;
let glance: TlsProxy;
let mutualTls: TlsProxy;

/** Admin credentials with the auth URL pointing at the TLS proxy. */
function env(extra: Record<string, string> = {}): Record<string, string> {
  const c = cloud();
  return {
    OS_USERNAME: c.admin_user,
    OS_PASSWORD: c.admin_password,
    OS_PROJECT_NAME: c.admin_project,
    OS_AUTH_URL: `${keystone.url}/v3`,
    OS_REGION_NAME: c.region,
    ...extra,
  };
}

beforeAll(async () => {
  pki = makeTestPki();
  keystone = await startTlsProxy(cloud().keystone_url, pki);
  glance = await startTlsProxy(cloud().glance_url, pki);
  mutualTls = await startTlsProxy(cloud().keystone_url, pki, { requireClientCert: true });
});

afterAll(async () => {
  await Promise.all([keystone?.close(), glance?.close(), mutualTls?.close()]);
});

describe('TLS', () => {
  it('fails by default with a clear certificate error naming the URL, sending nothing', async () => {
    const before = keystone.forwarded;
    const r = await runCli('keystone', ['--no-cache', 'tenant-list'], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `Unable to establish connection to ${keystone.url}/v3/auth/tokens: TLS certificate is signed by an unknown authority (use --os-cacert FILE, or --insecure)\n`,
    );
    expect(keystone.forwarded).toBe(before);
  });

  it('works with --os-cacert and with OS_CACERT', async () => {
    for (const [args, extra] of [
      [['--os-cacert', pki.caCert], {}],
      [[], { OS_CACERT: pki.caCert }],
    ] as const) {
      const r = await runCli('keystone', ['--no-cache', ...args, 'tenant-list'], { env: env(extra) });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(gridRows(r.stdout).map((row) => row[1])).toContain(cloud().admin_project);
    }
  });

  it('works with --insecure and with OS_INSECURE=true', async () => {
    for (const [args, extra] of [
      [['--insecure'], {}],
      [[], { OS_INSECURE: 'true' }],
    ] as const) {
      const r = await runCli('keystone', ['--no-cache', ...args, 'tenant-list'], { env: env(extra) });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });

  it('glance through HTTPS on both Keystone and Glance (--os-image-url) with --os-cacert', async () => {
    const before = glance.forwarded;
    const r = await runCli('glance', ['--no-cache', '--os-cacert', pki.caCert, '--os-image-url', glance.url, 'image-list'], { env: env() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(glance.forwarded).toBe(before + 1);
  });

  it('a wrong CA bundle is refused too; a missing one names the file', async () => {
    const wrong = await runCli('keystone', ['--no-cache', '--os-cacert', '/etc/ssl/certs/ca-certificates.crt', 'tenant-list'], { env: env() });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^Unable to establish connection to https:\/\/127\.0\.0\.1:\d+\/v3\/auth\/tokens: TLS certificate/);
    const missing = await runCli('keystone', ['--no-cache', '--os-cacert', '/nonexistent/ca.pem', 'tenant-list'], { env: env() });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('Cannot read --os-cacert file /nonexistent/ca.pem: check the path and its permissions.\n');
  });

  it('a server that demands a client certificate gets one from --os-cert/--os-key (or OS_CERT/OS_KEY)', async () => {
    const mtlsEnv = env({ OS_AUTH_URL: `${mutualTls.url}/v3`, OS_CACERT: pki.caCert });
    const without = await runCli('keystone', ['--no-cache', 'tenant-list'], { env: mtlsEnv });
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(new RegExp(`^Unable to establish connection to ${mutualTls.url}/v3/auth/tokens: .*client certificate`));
    const withFlags = await runCli('keystone', ['--no-cache', '--os-cert', pki.clientCert, '--os-key', pki.clientKey, 'tenant-list'], { env: mtlsEnv });
    expect(withFlags.stderr).toBe('');
    expect(withFlags.code).toBe(0);
    const withEnv = await runCli('keystone', ['--no-cache', 'tenant-list'], { env: { ...mtlsEnv, OS_CERT: pki.clientCert, OS_KEY: pki.clientKey } });
    expect(withEnv.code).toBe(0);
  });
});

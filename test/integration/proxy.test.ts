// Proxies as python-requests honours them, against a fake forward proxy that alone resolves the
// made-up name cloud.example.invalid: Keystone and Glance through it, no_proxy bypassing it, a dead
// proxy named in one line, a CONNECT tunnel to a TLS endpoint, and image data both ways.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridRows, runCli } from '../helpers/cli.js';
import { adminEnv, cloud } from '../helpers/cloud.js';
import { closedPort, oneLine } from '../helpers/fault-proxy.js';
import { type ForwardProxy, startForwardProxy } from '../helpers/forward-proxy.js';
import { makeTestPki, startTlsProxy, type TestPki, type TlsProxy } from '../helpers/tls-proxy.js';

const MADE_UP_AUTH_URL = 'http://cloud.example.invalid:5000/v3';
let proxy: ForwardProxy;
let pki: TestPki;
let tlsKeystone: TlsProxy;
let dir: string;

beforeAll(async () => {
  proxy = await startForwardProxy({ 'cloud.example.invalid': '127.0.0.1' });
  pki = makeTestPki();
  tlsKeystone = await startTlsProxy(cloud().keystone_url, pki);
  dir = mkdtempSync(join(tmpdir(), 'osc-proxy-'));
});

afterAll(async () => {
  await Promise.all([proxy?.close(), tlsKeystone?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** The requests the proxy sees while `run` runs. */
async function seen(run: () => Promise<void>): Promise<string[]> {
  const before = proxy.requests.length;
  await run();
  return proxy.requests.slice(before);
}

describe('http_proxy', () => {
  it('the made-up cloud name resolves only through the proxy', async () => {
    const r = await runCli('glance', ['--no-cache', 'image-list'], { env: adminEnv({ OS_AUTH_URL: MADE_UP_AUTH_URL }) });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(/cloud\.example\.invalid.*host name (not found|lookup failed)/);
  });

  it('glance image-list and keystone tenant-list work through it; --debug names the proxy, its credentials redacted', async () => {
    const withCredentials = proxy.url.replace('http://', 'http://proxyuser:proxysecret@');
    const env = adminEnv({ OS_AUTH_URL: MADE_UP_AUTH_URL, http_proxy: withCredentials });
    let glance = { code: -1 as number | null, stdout: '', stderr: '' };
    const glanceRequests = await seen(async () => {
      glance = await runCli('glance', ['--no-cache', '--debug', 'image-list'], { env });
    });
    expect(glance.code).toBe(0);
    expect(glance.stdout).toMatch(/^\+-+\+/);
    expect(glanceRequests).toContain(`POST ${MADE_UP_AUTH_URL}/auth/tokens`);
    expect(glanceRequests.some((line) => line.startsWith(`GET ${cloud().glance_url}/v2/images`))).toBe(true);
    // Every trace line loses URL userinfo (the proxy's credentials with it).
    expect(glance.stderr).toContain(`REQ: curl -g -i --proxy ${proxy.url} -X POST ${MADE_UP_AUTH_URL}/auth/tokens`);
    expect(glance.stderr).not.toContain('proxysecret');
    expect(glance.stderr).not.toContain('proxyuser');

    let keystone = { code: -1 as number | null, stdout: '', stderr: '' };
    const keystoneRequests = await seen(async () => {
      keystone = await runCli('keystone', ['--no-cache', 'tenant-list'], { env });
    });
    expect(keystone.stderr).toBe('');
    expect(keystone.code).toBe(0);
    expect(gridRows(keystone.stdout).map((row) => row[1])).toContain(cloud().admin_project);
    expect(keystoneRequests).toContain(`POST ${MADE_UP_AUTH_URL}/auth/tokens`);
  });

  it('no_proxy (a host, or a CIDR range) bypasses it: the proxy counts zero requests', async () => {
    for (const noProxy of ['127.0.0.1', 'example.org, 127.0.0.0/8']) {
      const requests = await seen(async () => {
        const r = await runCli('glance', ['--no-cache', 'image-list'], { env: adminEnv({ http_proxy: proxy.url, no_proxy: noProxy }) });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      });
      expect(requests).toEqual([]);
    }
  });

  it('a dead proxy is one line naming it (credentials redacted), never bypassed', async () => {
    const port = await closedPort();
    for (const dialect of ['glance', 'keystone'] as const) {
      const command = dialect === 'glance' ? 'image-list' : 'tenant-list';
      const r = await runCli(dialect, ['--no-cache', command], { env: adminEnv({ HTTP_PROXY: `http://u:deadsecret@127.0.0.1:${port}` }) });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(oneLine(r.stderr)).toBe(
        `Unable to connect to proxy http://***@127.0.0.1:${port} (from HTTP_PROXY): connection refused (for ${cloud().keystone_url}/auth/tokens)`,
      );
    }
  });

  it('uploads and downloads image data through it', async () => {
    const source = join(dir, 'source.raw');
    const target = join(dir, 'target.raw');
    const data = Buffer.alloc(1024 * 1024, 'proxied data ');
    writeFileSync(source, data);
    const env = adminEnv({ OS_AUTH_URL: MADE_UP_AUTH_URL, http_proxy: proxy.url });
    const name = `proxy-${process.pid}-${Date.now()}`;
    let id = '';
    try {
      const requests = await seen(async () => {
        const created = await runCli('glance', ['image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare', '--file', source], {
          env,
        });
        expect(created.stderr).toBe('');
        expect(created.code).toBe(0);
        id = gridRows(created.stdout).find((row) => row[0] === 'id')?.[1] ?? '';
        const downloaded = await runCli('glance', ['image-download', '--file', target, id], { env });
        expect(downloaded.stderr).toBe('');
        expect(downloaded.code).toBe(0);
      });
      expect(readFileSync(target).equals(data)).toBe(true);
      expect(requests).toContain(`PUT ${cloud().glance_url}/v2/images/${id}/file`);
      expect(requests).toContain(`GET ${cloud().glance_url}/v2/images/${id}/file`);
    } finally {
      if (id) await runCli('glance', ['image-delete', id], { env: adminEnv() });
    }
  });
});

describe('https_proxy', () => {
  it('tunnels with CONNECT to a TLS endpoint, verified end to end with --os-cacert', async () => {
    const env = adminEnv({ OS_AUTH_URL: `${tlsKeystone.url}/v3`, https_proxy: proxy.url });
    const forwarded = tlsKeystone.forwarded;
    const requests = await seen(async () => {
      const untrusted = await runCli('keystone', ['--no-cache', 'token-get'], { env });
      expect(untrusted.code).toBe(1);
      expect(oneLine(untrusted.stderr)).toContain('TLS certificate is signed by an unknown authority');
      const r = await runCli('keystone', ['--no-cache', '--os-cacert', pki.caCert, 'token-get'], { env });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    });
    const port = new URL(tlsKeystone.url).port;
    expect(requests.filter((line) => line === `CONNECT 127.0.0.1:${port}`).length).toBeGreaterThanOrEqual(2);
    expect(tlsKeystone.forwarded).toBeGreaterThan(forwarded);
  });
});

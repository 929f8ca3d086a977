// Catalogue: every HTTP error class and every broken answer ends in ONE line (glance:
// `HTTP <code> <reason>: <server message>`; keystone: the classic `<message> (HTTP <code>)`),
// exit 1, nothing on stdout, never a stack trace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';
import { createImage, deleteImagesNamed, uniqueName } from '../helpers/cloud-api.js';
import { KEYSTONE_401, oneLine, startCloudProxies, type CloudProxies } from '../helpers/fault-proxy.js';

let proxies: CloudProxies;
const PREFIX = uniqueName('faults-http');

beforeAll(async () => {
  proxies = await startCloudProxies(adminEnv());
});
afterAll(async () => {
  await proxies.close();
  await deleteImagesNamed(PREFIX);
});

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  500: 'Internal Server Error',
};

describe('injected error statuses (Glance HTML error pages)', () => {
  for (const [code, reason] of Object.entries(REASONS)) {
    it(`glance image-list: HTTP ${code} → "HTTP ${code} ${reason}: <message>", exit 1`, async () => {
      proxies.reset();
      const message = `Injected ${code} for the fault catalogue.`;
      proxies.glance.add({ method: 'GET', path: '/v2/images', action: { kind: 'html', status: Number(code), message } });
      const r = await runCli('glance', ['image-list'], { env: proxies.env() });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(oneLine(r.stderr)).toBe(`HTTP ${code} ${reason}: ${message}`);
    });
    it(`keystone service-list: HTTP ${code} (Keystone JSON) → "<message> (HTTP ${code})", exit 1`, async () => {
      proxies.reset();
      const message = `Injected ${code} for the fault catalogue.`;
      proxies.keystone.add({
        method: 'GET',
        path: '/v3/services',
        action: {
          kind: 'status',
          status: Number(code),
          body: JSON.stringify({ error: { code: Number(code), message, title: reason } }),
          headers: { 'x-openstack-request-id': 'req-fault-1' },
        },
      });
      const r = await runCli('keystone', ['service-list'], { env: proxies.env() });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(oneLine(r.stderr)).toBe(`${message} (HTTP ${code}) (Request-ID: req-fault-1)`);
    });
  }

  it('HTTP 401 from the service (even after re-authentication) → "Invalid OpenStack Identity credentials.", exit 1', async () => {
    proxies.reset();
    proxies.glance.add({ method: 'GET', path: '/v2/images', action: { kind: 'status', status: 401, body: KEYSTONE_401 } });
    const r = await runCli('glance', ['image-list'], { env: proxies.env() });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toBe('Invalid OpenStack Identity credentials.');
  });

  it('--debug: the same error still ends in the same one line (the trace is extra lines before it)', async () => {
    proxies.reset();
    proxies.glance.add({ method: 'GET', path: '/v2/images', action: { kind: 'html', status: 404, message: 'Gone.' } });
    const r = await runCli('glance', ['--debug', 'image-list'], { env: proxies.env() });
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('HTTP 404 Not Found: Gone.');
  });
});

describe('real errors from the real cloud', () => {
  it("keystone tenant-list: HTTP 403 on /v3/projects falls back to the user's own projects, as v2.0 did", async () => {
    proxies.reset();
    proxies.keystone.add({ method: 'GET', path: '/v3/projects', action: { kind: 'status', status: 403 } });
    const r = await runCli('keystone', ['tenant-list'], { env: proxies.env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\|\s+admin\s+\|/);
    expect(proxies.keystone.count('GET', '/v3/auth/projects')).toBe(1);
  });

  it('404: member-list of an image that does not exist → the classic text', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const r = await runCli('glance', ['member-list', '--image-id', id], { env: adminEnv() });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toBe(`No image with a name or ID of '${id}' exists.`);
  });

  it('403: reactivating an image that has no data yet', async () => {
    const image = await createImage(`${PREFIX}-queued`);
    const r = await runCli('glance', ['image-reactivate', image.id], { env: adminEnv() });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toBe("HTTP 403 Forbidden: Not allowed to reactivate image in status 'queued'");
  });

  it('409: adding the same member twice', async () => {
    const image = await createImage(`${PREFIX}-member`);
    const member = 'a0000000000000000000000000000409';
    expect((await runCli('glance', ['member-create', image.id, member], { env: adminEnv() })).code).toBe(0);
    const r = await runCli('glance', ['member-create', image.id, member], { env: adminEnv() });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toMatch(/^HTTP 409 Conflict: .+/);
  });

  it('400: a location URL Glance refuses', async () => {
    const image = await createImage(`${PREFIX}-location`);
    const r = await runCli('glance', ['location-add', '--url', 'ftp://127.0.0.1/nothing', image.id], { env: adminEnv() });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(/^HTTP 400 Bad Request: .+/);
  });
});

describe('broken answers', () => {
  it('200 with invalid JSON → one line naming the URL, exit 1', async () => {
    proxies.reset();
    proxies.glance.add({ method: 'GET', path: '/v2/images', action: { kind: 'invalid-json' } });
    const r = await runCli('glance', ['image-list'], { env: proxies.env() });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toMatch(new RegExp(`${proxies.glance.url}/v2/images.*not valid JSON`));
  });

  it('Keystone answering an HTML page to the token request → one line naming the URL, exit 1', async () => {
    proxies.reset();
    proxies.keystone.add({
      method: 'POST',
      path: '/v3/auth/tokens',
      action: {
        kind: 'status',
        status: 201,
        body: '<html><body>Welcome to nginx!</body></html>',
        contentType: 'text/html',
        headers: { 'X-Subject-Token': 'abc' },
      },
    });
    const r = await runCli('glance', ['--no-cache', 'image-list'], { env: proxies.env() });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(new RegExp(`${proxies.keystone.url}/v3/auth/tokens.*HTML page`));
  });

  it('truncated JSON body once on a GET → asked again once, succeeds', async () => {
    proxies.reset();
    proxies.glance.add({ method: 'GET', path: '/v2/images', times: 1, action: { kind: 'truncate' } });
    const r = await runCli('glance', ['image-list'], { env: proxies.env() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(proxies.glance.count('GET', '/v2/images')).toBe(2);
  });

  it('reset mid-body every time → one line naming the URL, exit 1, two tries', async () => {
    proxies.reset();
    proxies.glance.add({ method: 'GET', path: '/v2/images', action: { kind: 'reset-response-body', afterBytes: 10 } });
    const r = await runCli('glance', ['image-list'], { env: proxies.env() });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(new RegExp(`${proxies.glance.url}/v2/images.*broke off`));
    expect(proxies.glance.count('GET', '/v2/images')).toBe(2);
  });

  it('answer stalls mid-body past --timeout → one line, exit 1, within seconds', async () => {
    proxies.reset();
    proxies.glance.add({ method: 'GET', path: '/v2/images', action: { kind: 'stall', afterBytes: 10 } });
    const started = Date.now();
    const r = await runCli('glance', ['--timeout', '2', 'image-list'], { env: proxies.env() });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(new RegExp(`${proxies.glance.url}/v2/images`));
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

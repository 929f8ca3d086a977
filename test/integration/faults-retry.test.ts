// Catalogue: a 5xx or a reset on an idempotent call is retried once and then succeeds; a second
// failure is reported in one line; a POST is never retried blindly and never creates a duplicate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';
import { createImage, deleteImagesNamed, glanceApi, uniqueName } from '../helpers/cloud-api.js';
import { oneLine, startCloudProxies, type CloudProxies } from '../helpers/fault-proxy.js';

let proxies: CloudProxies;
const PREFIX = uniqueName('faults-retry');

beforeAll(async () => {
  proxies = await startCloudProxies(adminEnv());
  await createImage(`${PREFIX}-listed`);
});
afterAll(async () => {
  await proxies.close();
  await deleteImagesNamed(PREFIX);
});

describe('idempotent GET: one retry', () => {
  for (const status of [500, 502, 503, 504]) {
    it(`glance image-list: HTTP ${status} once → retried once, succeeds`, async () => {
      proxies.reset();
      proxies.glance.add({ method: 'GET', path: '/v2/images', times: 1, action: { kind: 'status', status } });
      const r = await runCli('glance', ['image-list'], { env: proxies.env() });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`${PREFIX}-listed`);
      expect(proxies.glance.count('GET', '/v2/images')).toBe(2);
    });
  }

  it('glance image-list: connection reset once → retried once, succeeds', async () => {
    proxies.reset();
    proxies.glance.add({ method: 'GET', path: '/v2/images', times: 1, action: { kind: 'reset' } });
    const r = await runCli('glance', ['image-list'], { env: proxies.env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${PREFIX}-listed`);
    expect(proxies.glance.count('GET', '/v2/images')).toBe(2);
  });

  it('keystone tenant-list: HTTP 502 once on GET /v3/projects → retried once, succeeds', async () => {
    proxies.reset();
    proxies.keystone.add({
      method: 'GET',
      path: '/v3/projects',
      times: 1,
      action: { kind: 'html', status: 502, message: 'Bad gateway from the load balancer' },
    });
    const r = await runCli('keystone', ['tenant-list'], { env: proxies.env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\|\s+admin\s+\|/);
    expect(proxies.keystone.count('GET', '/v3/projects')).toBe(2);
  });

  it('HTTP 503 every time → exactly one retry, then one line HTTP 503, exit 1', async () => {
    proxies.reset();
    proxies.glance.add({ method: 'GET', path: '/v2/images', action: { kind: 'html', status: 503, message: 'The server is currently unavailable.' } });
    const r = await runCli('glance', ['image-list'], { env: proxies.env() });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toBe('HTTP 503 Service Unavailable: The server is currently unavailable.');
    expect(proxies.glance.count('GET', '/v2/images')).toBe(2);
  });

  it('reset every time → exactly one retry, then one line naming the URL and the cause, exit 1', async () => {
    proxies.reset();
    proxies.glance.add({ method: 'GET', path: '/v2/images', action: { kind: 'reset' } });
    const r = await runCli('glance', ['image-list'], { env: proxies.env() });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toMatch(new RegExp(`${proxies.glance.url}/v2/images.*(reset|closed)`));
    expect(proxies.glance.count('GET', '/v2/images')).toBe(2);
  });
});

describe('POST: never retried blindly, no duplicates', () => {
  const members = async (id: string): Promise<string[]> =>
    ((await glanceApi('GET', `/v2/images/${id}/members`)).json as { members: Array<{ member_id: string }> }).members.map((m) => m.member_id);
  const projectId = async (name: string): Promise<string> => {
    const r = await runCli('keystone', ['tenant-list'], { env: adminEnv() });
    const row = r.stdout.split('\n').find((l) => new RegExp(`\\|\\s+${name}\\s+\\|`).test(l));
    return row!.split('|')[1]!.trim();
  };

  it('member-create: HTTP 503 on the POST → not retried, one line, exit 1, no member added', async () => {
    const image = await createImage(`${PREFIX}-member-503`);
    const member = await projectId('services');
    proxies.reset();
    proxies.glance.add({ method: 'POST', path: /\/members$/, times: 1, action: { kind: 'status', status: 503, body: '{"message": "Service Unavailable"}' } });
    const r = await runCli('glance', ['member-create', image.id, member], { env: proxies.env() });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(/^HTTP 503 Service Unavailable: /);
    expect(proxies.glance.count('POST', `/v2/images/${image.id}/members`)).toBe(1);
    expect(await members(image.id)).toEqual([]);
  });

  it('member-create: the cloud creates the member but the answer is lost (reset) → not retried, one line, exactly one member', async () => {
    const image = await createImage(`${PREFIX}-member-reset`);
    const member = await projectId('services');
    proxies.reset();
    proxies.glance.add({ method: 'POST', path: /\/members$/, times: 1, action: { kind: 'reset-after-upstream' } });
    const r = await runCli('glance', ['member-create', image.id, member], { env: proxies.env() });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(new RegExp(`/v2/images/${image.id}/members.*(reset|closed)`));
    expect(proxies.glance.count('POST', `/v2/images/${image.id}/members`)).toBe(1);
    expect(await members(image.id)).toEqual([member]);
  });

  it('image-create: the cloud creates the image but the answer is lost (reset) → not retried, one line saying it may exist and how to check', async () => {
    const name = `${PREFIX}-create-reset`;
    proxies.reset();
    proxies.glance.add({ method: 'POST', path: '/v2/images', times: 1, action: { kind: 'reset-after-upstream' } });
    const r = await runCli('glance', ['image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare'], { env: proxies.env() });
    expect(r.code).toBe(1);
    const line = oneLine(r.stderr);
    expect(line).toMatch(/\/v2\/images.*(reset|closed)/);
    expect(line).toContain(`may have been created`);
    expect(line).toContain(`glance image-list --name ${name}`);
    expect(proxies.glance.count('POST', '/v2/images')).toBe(1);
    const listed = (await glanceApi('GET', `/v2/images?name=${name}`)).json as { images: unknown[] };
    expect(listed.images).toHaveLength(1);
  });

  it('image-create: HTTP 400 on the POST → the server\'s message only, no "may have been created" hint', async () => {
    proxies.reset();
    proxies.glance.add({ method: 'POST', path: '/v2/images', times: 1, action: { kind: 'status', status: 400, body: '{"message": "Bad image"}' } });
    const r = await runCli('glance', ['image-create', '--name', `${PREFIX}-create-400`, '--disk-format', 'raw', '--container-format', 'bare'], {
      env: proxies.env(),
    });
    expect(r.code).toBe(1);
    const line = oneLine(r.stderr);
    expect(line).toMatch(/^HTTP 400 Bad Request: /);
    expect(line).not.toContain('may have been created');
  });

  it('token request (POST /v3/auth/tokens) answered 503 → not retried, one line, exit 1', async () => {
    proxies.reset();
    proxies.keystone.add({ method: 'POST', path: '/v3/auth/tokens', times: 1, action: { kind: 'status', status: 503 } });
    const r = await runCli('glance', ['--no-cache', 'image-list'], { env: proxies.env() });
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toMatch(/^HTTP 503 Service Unavailable: /);
    expect(proxies.keystone.count('POST', '/v3/auth/tokens')).toBe(1);
    expect(proxies.glance.requests).toEqual([]);
  });
});

// Creating or deleting services and endpoints makes the cached token's catalog stale: the API layer
// drops the cache entry itself, so no command has to remember to.
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IdentityApi } from '../../src/api/identity/index.js';
import type { Credentials } from '../../src/config/credentials.js';
import type { HttpRequest } from '../../src/http/transport.js';
import { Session } from '../../src/session/session.js';
import { TokenCache } from '../../src/session/token-cache.js';
import { scriptedTransport, type Canned } from '../helpers/scripted-transport.js';

const credentials: Credentials = {
  authType: 'password',
  authUrl: 'http://ks:5000/v3',
  username: 'u',
  password: 'p',
  projectName: 'p',
  interface: 'public',
  insecure: false,
  timeoutSeconds: 5,
  cache: true,
  forceNewToken: false,
};

const SERVICE = { id: 's1', type: 'image', name: 'glance', enabled: true };
const ENDPOINT = { id: 'e1', service_id: 's1', interface: 'public', url: 'http://gl', region_id: 'r', enabled: true };

function keystone(req: HttpRequest, failing: boolean): Canned {
  const path = `${req.method} ${new URL(req.url).pathname}`;
  if (path === 'POST /v3/auth/tokens') {
    const token = { expires_at: '2999-01-01T00:00:00Z', user: { id: 'u' }, project: { id: 'p' }, catalog: [] };
    return { status: 201, headers: { 'x-subject-token': 'tok' }, body: { token } };
  }
  if (failing) return { status: 503, body: { error: { message: 'down' } } };
  if (path === 'GET /v3/regions/r') return { body: { region: { id: 'r' } } };
  if (req.method === 'DELETE') return { status: 204, body: '' };
  if (path.includes('/services')) return { status: 201, body: { service: SERVICE } };
  return { status: 201, body: { endpoint: ENDPOINT } };
}

/** A session whose token is in the cache, and the cache directory to watch. */
async function authenticated(failing = false) {
  const dir = mkdtempSync(join(tmpdir(), 'osc-catalog-'));
  const session = new Session(
    credentials,
    scriptedTransport((req) => keystone(req, failing)),
    new TokenCache(dir),
  );
  await session.auth();
  expect(readdirSync(dir)).toHaveLength(1);
  return { identity: new IdentityApi(session), dir };
}

describe('catalog changes drop the cached token', () => {
  it.each<[string, (i: IdentityApi) => Promise<unknown>]>([
    ['services.create', (i) => i.services.create({ type: 'image' })],
    ['services.delete', (i) => i.services.delete('s1')],
    ['endpoints.create', (i) => i.endpoints.create({ service_id: 's1', interface: 'public', url: 'http://gl' })],
    ['endpoints.update', (i) => i.endpoints.update('e1', { url: 'http://gl2' })],
    ['endpoints.delete', (i) => i.endpoints.delete('e1')],
    ['classicEndpoints.create', (i) => i.classicEndpoints.create({ region: 'r', serviceId: 's1', publicurl: 'http://gl' })],
    [
      'classicEndpoints.delete',
      (i) =>
        i.classicEndpoints.delete({
          id: 'e1',
          region: 'r',
          service_id: 's1',
          publicurl: 'http://gl',
          internalurl: null,
          adminurl: null,
          members: [ENDPOINT as never],
        }),
    ],
  ])('%s', async (_name, call) => {
    const { identity, dir } = await authenticated();
    await call(identity);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('also when the call fails (a create that timed out may still have been made)', async () => {
    const { identity, dir } = await authenticated(true);
    await expect(identity.services.create({ type: 'image' })).rejects.toThrow('HTTP 503');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reads leave the cache alone', async () => {
    const { identity, dir } = await authenticated();
    await identity.regions.find('r');
    expect(readdirSync(dir)).toHaveLength(1);
  });
});

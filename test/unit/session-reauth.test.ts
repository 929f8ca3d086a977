// Session behaviour on 401s, against a scripted local server (a real Keystone will not revoke
// tokens mid-request on demand). The real-cloud version is test/integration/cache-token.test.ts.
import { mkdtempSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Credentials } from '../../src/config/credentials.js';
import { obj } from '../../src/http/decode.js';
import { HttpTransport } from '../../src/http/transport.js';
import { Session } from '../../src/session/session.js';
import { TokenCache } from '../../src/session/token-cache.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
});

/** Keystone + an image service in one: tokens t1, t2, …; the image service refuses the tokens in `refused`. */
async function fakeCloud(refused: (token: string) => boolean) {
  const stats = { auths: 0, imageCalls: 0 };
  server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
    if (req.method === 'POST' && req.url === '/v3/auth/tokens') {
      stats.auths += 1;
      res.writeHead(201, { 'X-Subject-Token': `t${stats.auths}`, 'Content-Type': 'application/json' });
      const catalog = [{ id: 's', type: 'image', endpoints: [{ id: 'e', interface: 'public', region_id: 'R', url: base }] }];
      res.end(JSON.stringify({ token: { expires_at: '2999-01-01T00:00:00Z', user: { id: 'u' }, project: { id: 'p' }, catalog } }));
      return;
    }
    stats.imageCalls += 1;
    req.resume();
    req.on('end', () => {
      const ok = !refused(String(req.headers['x-auth-token']));
      res.writeHead(ok ? 200 : 401, { 'Content-Type': 'application/json' });
      res.end(ok ? '{"images":[]}' : '{"error":"unauthorized"}');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cacheDir = mkdtempSync(join(tmpdir(), 'osc-reauth-'));
  const credentials: Credentials = {
    authType: 'password',
    authUrl: `${url}/v3`,
    username: 'u',
    password: 'p',
    projectName: 'p',
    interface: 'public',
    insecure: false,
    timeoutSeconds: 5,
    cache: true,
    forceNewToken: false,
  };
  const session = new Session(credentials, new HttpTransport({ timeoutSeconds: 5 }), new TokenCache(cacheDir));
  return { session, stats, cacheDir };
}

describe('session: 401 handling', () => {
  it('re-authenticates exactly once when the token is refused, then succeeds', async () => {
    const { session, stats } = await fakeCloud((t) => t === 't1');
    await expect(session.json('image', { method: 'GET', path: '/v2/images' }, obj)).resolves.toEqual({ images: [] });
    expect(stats).toEqual({ auths: 2, imageCalls: 2 });
    await session.close();
  });

  it('concurrent requests refused with the same token share one re-authentication', async () => {
    const { session, stats } = await fakeCloud((t) => t === 't1');
    await session.auth();
    await Promise.all([1, 2, 3].map(() => session.json('image', { method: 'GET', path: '/v2/images' }, obj)));
    expect(stats.auths).toBe(2);
    await session.close();
  });

  it('gives up after the second refusal, with the classic message', async () => {
    const { session, stats } = await fakeCloud(() => true);
    await expect(session.json('image', { method: 'GET', path: '/v2/images' }, obj)).rejects.toThrow('Invalid OpenStack Identity credentials.');
    expect(stats).toEqual({ auths: 2, imageCalls: 2 });
    await session.close();
  });

  it('a refused upload that can be made anew (a file) is sent again, whole, with the new token', async () => {
    // Before, it dropped the token and said to run the command again, as for a pipe.
    const { session, stats } = await fakeCloud((token) => token === 't1');
    await session.auth();
    let made = 0;
    const data = () => {
      made++;
      return Readable.from([Buffer.from('data')]);
    };
    const res = await session.request('image', { method: 'PUT', path: '/v2/images/x/file', body: data(), restartBody: data });
    expect(res.status).toBe(200);
    await res.body.dump();
    expect(made).toBe(2);
    expect(stats).toEqual({ auths: 2, imageCalls: 2 });
    await session.close();
  });

  it('a refused streamed upload is not resent: it drops the cached token and says to run again', async () => {
    const { session, stats, cacheDir } = await fakeCloud(() => true);
    await session.auth();
    expect(readdirSync(cacheDir)).toHaveLength(1);
    await expect(session.request('image', { method: 'PUT', path: '/v2/images/x/file', body: Readable.from([Buffer.from('data')]) })).rejects.toThrow(
      /HTTP 401\) while sending data that cannot be sent twice; the cached token is dropped: run the command again\.$/,
    );
    expect(stats).toEqual({ auths: 1, imageCalls: 1 });
    expect(readdirSync(cacheDir)).toHaveLength(0);
    await session.close();
  });
});

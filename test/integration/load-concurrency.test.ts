// Load: 20 concurrent image-create plus 20 concurrent image-list against the real cloud, all
// sharing one token cache directory. Every run succeeds, every image is active with the right
// checksum, and the cache is left valid (no torn files, no temp files). A corrupted or truncated
// cache file is ignored and replaced, never a crash.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';
import { deleteImagesNamed, imagesNamed, uniqueName } from '../helpers/cloud-api.js';
import { startCloudProxies, type CloudProxies } from '../helpers/fault-proxy.js';

const PREFIX = uniqueName('load');
let cacheHome: string;
let files: string[];
const tokenDir = (): string => join(cacheHome, 'openstack-classic-cli', 'tokens');
const env = (): Record<string, string> => adminEnv({ XDG_CACHE_HOME: cacheHome });

/** The token entries (the first requests remembered beside them are checked too: src/session/early-request.ts). */
function expectHealthyCache(): string[] {
  const all = readdirSync(tokenDir());
  expect(all.filter((f) => !f.endsWith('.json'))).toEqual([]); // no temp files left behind
  expect(statSync(tokenDir()).mode & 0o777).toBe(0o700);
  const entries = all.filter((f) => !f.startsWith('early-'));
  for (const f of all.filter((name) => name.startsWith('early-'))) {
    // A record, or the output a replay kept beside it (src/cli/replayed-output.ts).
    const kept = JSON.parse(readFileSync(join(tokenDir(), f), 'utf8'));
    expect(typeof (f.endsWith('-output.json') ? kept.output : kept.url)).toBe('string');
    expect(statSync(join(tokenDir(), f)).mode & 0o777).toBe(0o600);
  }
  for (const f of entries) {
    const state = JSON.parse(readFileSync(join(tokenDir(), f), 'utf8')) as { token: string; expiresAt: string };
    expect(typeof state.token).toBe('string');
    expect(Date.parse(state.expiresAt)).toBeGreaterThan(Date.now());
    expect(statSync(join(tokenDir(), f)).mode & 0o777).toBe(0o600);
  }
  return entries;
}

beforeAll(() => {
  cacheHome = mkdtempSync(join(tmpdir(), 'osc-load-cache-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'osc-load-data-'));
  files = Array.from({ length: 20 }, (_, i) => {
    const path = join(dataDir, `img-${i}.raw`);
    writeFileSync(path, randomBytes(1024 + i * 997));
    return path;
  });
});
afterAll(async () => deleteImagesNamed(PREFIX));

describe('20 image-create + 20 image-list at once, one shared token cache', () => {
  it('all 40 succeed, every image is active with its checksum, and the cache stays valid', async () => {
    const started = Date.now();
    const creates = files.map((file, i) =>
      runCli('glance', ['image-create', '--name', `${PREFIX}-${i}`, '--disk-format', 'raw', '--container-format', 'bare', '--file', file], {
        env: env(),
        timeoutMs: 120_000,
      }),
    );
    const lists = Array.from({ length: 20 }, () => runCli('glance', ['image-list'], { env: env(), timeoutMs: 120_000 }));
    const results = await Promise.all([...creates, ...lists]);
    const failures = results.filter((r) => r.code !== 0).map((r) => r.stderr);
    expect(failures).toEqual([]);
    for (const r of results) expect(r.stderr).toBe('');
    const elapsed = Date.now() - started;
    console.log(`load: 40 concurrent runs in ${elapsed} ms`);

    for (let i = 0; i < files.length; i += 1) {
      const images = await imagesNamed(`${PREFIX}-${i}`);
      expect(images).toHaveLength(1);
      expect(images[0]!.status).toBe('active');
      expect(images[0]!.checksum).toBe(createHash('md5').update(readFileSync(files[i]!)).digest('hex'));
    }
    expect(expectHealthyCache()).toHaveLength(1); // one set of credentials → one cache entry
  }, 180_000);

  it('a second wave with a warm cache authenticates zero times', async () => {
    const proxies: CloudProxies = await startCloudProxies(adminEnv());
    try {
      // Warm a cache entry for the proxied auth URL, then 20 parallel runs must all reuse it.
      expect((await runCli('glance', ['image-list'], { env: proxies.env({ XDG_CACHE_HOME: cacheHome }) })).code).toBe(0);
      proxies.reset();
      const results = await Promise.all(
        Array.from({ length: 20 }, () => runCli('glance', ['image-list'], { env: proxies.env({ XDG_CACHE_HOME: cacheHome }) })),
      );
      expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
      expect(proxies.keystone.count('POST', '/v3/auth/tokens')).toBe(0);
      expect(proxies.glance.count('GET', '/v2/images')).toBeGreaterThanOrEqual(20);
    } finally {
      await proxies.close();
    }
    expectHealthyCache();
  }, 120_000);
});

describe('a damaged cache file is ignored and replaced', () => {
  beforeAll(async () => {
    cacheHome = mkdtempSync(join(tmpdir(), 'osc-load-cache-damaged-'));
    expect((await runCli('glance', ['image-list'], { env: env() })).code).toBe(0);
  });
  const damages: Array<[string, (text: string) => string | Buffer]> = [
    ['truncated', (text) => text.slice(0, text.length >> 1)],
    ['empty', () => ''],
    ['binary garbage', () => randomBytes(300)],
    ['valid JSON of the wrong shape', () => '{"token": 42, "expiresAt": null}'],
    ['an expired token', (text) => JSON.stringify({ ...JSON.parse(text), expiresAt: '2000-01-01T00:00:00Z' })],
    ['a token the cloud refuses', (text) => JSON.stringify({ ...JSON.parse(text), token: 'gAAAAABnot-a-real-token' })],
  ];
  for (const [name, damage] of damages) {
    it(`${name} → the command succeeds and the file is rewritten valid`, async () => {
      const [entry] = expectHealthyCache();
      const path = join(tokenDir(), entry!);
      writeFileSync(path, damage(readFileSync(path, 'utf8')));
      const r = await runCli('glance', ['image-list'], { env: env() });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(expectHealthyCache()).toEqual([entry]);
      expect(readFileSync(path, 'utf8')).not.toContain('not-a-real-token');
      expect(Date.parse((JSON.parse(readFileSync(path, 'utf8')) as { expiresAt: string }).expiresAt)).toBeGreaterThan(Date.now());
    });
  }

  it('damaged files while 10 runs race → all succeed, cache valid', async () => {
    const [entry] = expectHealthyCache();
    writeFileSync(join(tokenDir(), entry!), '{"token": "trunc');
    const results = await Promise.all(Array.from({ length: 10 }, () => runCli('glance', ['image-list'], { env: env() })));
    expect(results.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([]);
    expectHealthyCache();
  }, 120_000);
});

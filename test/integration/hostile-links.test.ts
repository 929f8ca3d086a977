// A Glance that misbehaves on purpose (test/helpers/hostile-glance.ts) with its `next` links: to
// another origin, looping, empty pages; and one behind a path prefix. The built CLI, in token mode
// (no Keystone needed), never sends its token anywhere but the image endpoint's origin, and stops a
// loop with one line, exit 1.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { GOOD_IMAGE } from '../helpers/fake-cloud.js';
import { json, startHostileGlance, type HostileGlance } from '../helpers/hostile-glance.js';

const TOKEN = 'hostile-test-token';

let glance: HostileGlance;
let other: HostileGlance;
beforeAll(async () => {
  glance = await startHostileGlance();
  other = await startHostileGlance();
});
afterAll(async () => Promise.all([glance?.close(), other?.close()]));
beforeEach(() => {
  glance.reset();
  other.reset();
});

const env = (imageUrl = glance.origin) => ({ OS_AUTH_TOKEN: TOKEN, OS_IMAGE_URL: imageUrl });
const list = (imageUrl?: string) => runCli('glance', ['--os-image-api-version', '2', 'image-list'], { env: env(imageUrl), timeoutMs: 30_000 });
const image = (id: string) => ({ ...GOOD_IMAGE, id, name: `img-${id}` });

function expectOneLineFailure(r: { code: number | null; stdout: string; stderr: string }): void {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('next links', () => {
  const forms = (port: string) => [
    `@127.0.0.1:${port}/v2/images?marker=x`,
    `//127.0.0.1:${port}/v2/images?marker=x`,
    `http://127.0.0.1:${port}/v2/images?marker=x`,
  ];
  for (const form of forms('OTHER')) {
    it(`never carry the token to another origin: ${form}`, async () => {
      const next = form.replace('OTHER', new URL(other.origin).port);
      glance.answer = (_req, res) => json(res, 200, { images: [image('a')], next });
      other.answer = (_req, res) => json(res, 200, { images: [image('stolen')] });
      const r = await list();
      console.log(`next ${form}: exit ${r.code}; other origin got ${other.requests.length} request(s), ${other.tokens.length} token(s): ${r.stderr.trim()}`);
      expectOneLineFailure(r);
      expect(other.tokens).toEqual([]);
      expect(glance.tokens.every((t) => t === TOKEN)).toBe(true);
    });
  }

  it('a link to another origin is refused with one line naming both origins', async () => {
    glance.answer = (_req, res) => json(res, 200, { images: [image('a')], next: `${other.origin}/v2/images?marker=a` });
    const r = await list();
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `Refused a link from ${glance.origin} to ${other.origin}: credentials are sent only to the endpoint's own origin (scheme, host and port).\n`,
    );
    expect(other.requests).toEqual([]);
  });

  it('a marker that repeats stops paging', async () => {
    glance.answer = (req, res) => {
      const marker = new URL(req.url!, glance.origin).searchParams.get('marker');
      json(res, 200, { images: [image(marker === null ? 'a' : 'b')], next: '/v2/images?marker=a' });
    };
    const r = await list();
    console.log(`repeating marker: exit ${r.code} after ${glance.requests.length} request(s): ${r.stderr.trim()}`);
    expectOneLineFailure(r);
    expect(r.stderr).toContain('marker');
    expect(glance.requests.length).toBeLessThanOrEqual(3);
  });

  it('an empty page with a next link stops paging', async () => {
    let n = 0;
    glance.answer = (_req, res) => json(res, 200, { images: [], next: `/v2/images?marker=m${n++}` });
    const r = await list();
    console.log(`empty page with next: exit ${r.code} after ${glance.requests.length} request(s): ${r.stderr.trim()}`);
    expectOneLineFailure(r);
    expect(r.stderr).toContain('empty page');
    expect(glance.requests).toHaveLength(1);
  });

  it('an endpoint with a path prefix keeps it for next links', async () => {
    glance.answer = (req, res) => {
      const url = new URL(req.url!, glance.origin);
      const marker = url.searchParams.get('marker');
      if (url.pathname !== '/image/v2/images') json(res, 404, { message: 'not here' });
      else if (marker === null) json(res, 200, { images: [image('a')], next: '/v2/images?marker=a' });
      else json(res, 200, { images: [image('b')], first: '/v2/images' });
    };
    const r = await list(`${glance.origin}/image/`);
    console.log(`prefix /image: exit ${r.code}, requests ${glance.requests.join(', ')}`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('img-a');
    expect(r.stdout).toContain('img-b');
    // Both pages under the prefix; the second with our own query and the marker (Glance's link drops repeated parameters).
    expect(glance.requests).toEqual([
      'GET /image/v2/images?sort_key=name&sort_dir=asc&limit=1000',
      'GET /image/v2/images?sort_key=name&sort_dir=asc&limit=1000&marker=a',
    ]);
  });
});

// The image schema's disk cache (src/api/image/schemas.ts): a planted FIFO or link, another user's
// file or an oversized one is not read from.
import { spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SchemasApi } from '../../src/api/image/schemas.js';
import type { Session } from '../../src/session/session.js';

const SCHEMA = { name: 'image', properties: { name: { type: ['null', 'string'] } } };

/** A session that serves the schema and counts the times it was asked. */
function fakeSession(): { session: Session; asked: () => number } {
  let asked = 0;
  const session = {
    credentials: { cache: true },
    endpoint: async () => 'http://glance.example',
    json: async () => {
      asked++;
      return SCHEMA;
    },
  } as unknown as Session;
  return { session, asked: () => asked };
}

describe('the image schema cache', () => {
  it('is read when fresh; a FIFO or a link planted in its place is not read from (nor waited on): the schema is asked for', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'osc-schemas-')), 'schemas');
    const first = fakeSession();
    await new SchemasApi(first.session, dir).imageSchema();
    const [file] = readdirSync(dir);
    const cached = fakeSession();
    expect(await new SchemasApi(cached.session, dir).imageSchema()).toEqual(SCHEMA);
    expect([first.asked(), cached.asked()]).toEqual([1, 0]);

    const planted = join(mkdtempSync(join(tmpdir(), 'osc-schemas-planted-')), 'schemas');
    mkdirSync(planted);
    expect(spawnSync('mkfifo', [join(planted, file!)]).status).toBe(0);
    const fifo = fakeSession();
    expect(await new SchemasApi(fifo.session, planted).imageSchema()).toEqual(SCHEMA);
    expect(fifo.asked()).toBe(1);

    const linked = join(mkdtempSync(join(tmpdir(), 'osc-schemas-linked-')), 'schemas');
    mkdirSync(linked);
    const forged = join(linked, '..', 'forged.json');
    writeFileSync(forged, JSON.stringify({ fetchedAt: Date.now(), schema: { name: 'forged', properties: {} } }));
    symlinkSync(forged, join(linked, file!));
    const link = fakeSession();
    expect(await new SchemasApi(link.session, linked).imageSchema()).toEqual(SCHEMA);
    expect(link.asked()).toBe(1);
  });

  // Root (CI) can give a file away; another user can only if root runs the test.
  it.runIf(process.getuid?.() === 0)("another user's file, or one over 1 MiB, in its place is not read: the schema is asked for", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'osc-schemas-')), 'schemas');
    await new SchemasApi(fakeSession().session, dir).imageSchema();
    const [file] = readdirSync(dir);
    const forged = JSON.stringify({ fetchedAt: Date.now(), schema: { name: 'forged', properties: {} } });
    writeFileSync(join(dir, file!), forged);
    const own = fakeSession();
    expect((await new SchemasApi(own.session, dir).imageSchema()).name).toBe('forged'); // ours: read
    chownSync(join(dir, file!), 65534, 65534);
    const theirs = fakeSession();
    expect(await new SchemasApi(theirs.session, dir).imageSchema()).toEqual(SCHEMA);
    expect(theirs.asked()).toBe(1);
    writeFileSync(join(dir, file!), `${forged.slice(0, -1)}, "pad": "${'x'.repeat(1024 * 1024)}"}`);
    chownSync(join(dir, file!), 0, 0);
    const large = fakeSession();
    expect(await new SchemasApi(large.session, dir).imageSchema()).toEqual(SCHEMA);
    expect(large.asked()).toBe(1);
  });
});

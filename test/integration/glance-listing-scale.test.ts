// image-list over 2,600 images on the REAL local cloud (test/helpers/scale-images.ts: made once,
// then reused; kept out of every other listing): more than two pages of 1000. For each key
// glanceclient offers for --sort-key, both directions, and for pairs of keys: every image exactly
// once, in the order of Glance's own ORDER BY run on its database here (the keys and directions
// Glance derives, as test/helpers/glance-listing-model.ts transcribes them) — not through its
// paging, which cannot go past a NULL size. Requests: ceil(N / 1000) when the first key has no
// NULLs, at most twice that otherwise. Parity with glanceclient where it pages correctly (one page).
// Glance serves about 1000 images a second on an idle machine: some 30 listings of 2,600 take minutes.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATE_DIR } from '../helpers/cloud.js';
import { sortingOf } from '../helpers/glance-listing-model.js';
import { ensureSeed, SCALE_COUNT, SCALE_FLAGS, SCALE_OWNER } from '../helpers/scale-images.js';
import { glance2, pythonGlance } from './glance-helpers.js';

const SORT_KEYS = ['name', 'status', 'container_format', 'disk_format', 'size', 'id', 'created_at', 'updated_at'];

/** Glance's ORDER BY for these sort flags, run by SQLite on Glance's database (read-only). */
function databaseOrder(flags: readonly string[]): string[] {
  const params = new URLSearchParams();
  for (let i = 0; i < flags.length; i += 2) {
    const name = { '--sort-key': 'sort_key', '--sort-dir': 'sort_dir', '--sort': 'sort' }[flags[i]!];
    if (name) params.append(name, flags[i + 1]!);
  }
  const { keys, dirs } = sortingOf(params);
  const orderBy = keys.map((key, i) => `${key} ${dirs[i]}`).join(', ');
  const script = [
    'import sqlite3, sys',
    'db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True, timeout=60)',
    `rows = db.execute("SELECT id FROM images WHERE owner = ? AND deleted = 0 AND status != 'killed' ORDER BY ${orderBy}", (sys.argv[2],))`,
    'print("\\n".join(r[0] for r in rows))',
  ].join('\n');
  return execFileSync('python3', ['-c', script, join(STATE_DIR, 'glance', 'glance.db'), SCALE_OWNER])
    .toString()
    .split('\n')
    .filter(Boolean);
}

/** The IDs image-list prints and the GET /v2/images requests it makes (REQ lines of --debug). */
async function ours(flags: readonly string[]): Promise<{ ids: string[]; requests: number }> {
  const r = await glance2(['--debug', 'image-list', ...SCALE_FLAGS, ...flags, '-f', 'value', '-c', 'ID']);
  expect(r.code).toBe(0);
  // The trace and nothing else: no complaint about the listing.
  expect(r.stderr.split('\n').filter((line) => line && !/^(REQ|RESP)( BODY)?: |^ {2}\S/.test(line))).toEqual([]);
  return { ids: r.stdout.split('\n').filter(Boolean), requests: (r.stderr.match(/^REQ: .*\/v2\/images\?/gm) ?? []).length };
}

beforeAll(() => ensureSeed(), 20 * 60_000);

describe(`image-list over ${SCALE_COUNT} images`, () => {
  it('no sort flags (name, ascending), --limit 0 --page-size 0 ("not given"): all, in order, in at most two listings of ceil(N / 1000)', async () => {
    const expected = databaseOrder(['--sort-key', 'name', '--sort-dir', 'asc']);
    expect(expected.length).toBeGreaterThanOrEqual(2_500);
    const { ids, requests } = await ours(['--limit', '0', '--page-size', '0']);
    expect(ids).toEqual(expected);
    // NULL and '' names come first: a page that ends among them sends the rest to one more listing.
    expect(requests).toBeLessThanOrEqual(2 * Math.ceil(expected.length / 1000));
  });

  const cases: string[][] = [];
  for (const key of SORT_KEYS) for (const dir of ['asc', 'desc']) cases.push(['--sort-key', key, '--sort-dir', dir]);
  // Pairs: each key with a nullable one, directions mixed, both orders of the pair.
  for (const [a, b] of [
    ['name', 'size'],
    ['size', 'name'],
    ['status', 'size'],
    ['disk_format', 'name'],
    ['container_format', 'disk_format'],
    ['name', 'id'],
    ['size', 'created_at'],
    ['updated_at', 'size'],
  ] as const)
    cases.push(['--sort-key', a, '--sort-key', b, '--sort-dir', 'desc', '--sort-dir', 'asc']);
  cases.push(['--sort', 'size:asc,disk_format:desc']);

  for (const flags of cases) {
    it(`${flags.join(' ')}: every image once, in Glance's ORDER BY`, async () => {
      const { ids, requests } = await ours(flags);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(databaseOrder(flags));
      // Keys without NULLs first: pages of 1000 and nothing more; else at most one more listing.
      const pages = Math.ceil(ids.length / 1000);
      if (['status', 'id', 'created_at', 'updated_at'].includes(flags[1]!.split(':')[0]!) && flags[3] !== 'size') expect(requests).toBe(pages);
      else expect(requests).toBeLessThanOrEqual(2 * pages);
    });
  }

  it('--limit 1500 with --page-size 400 sorted by size: the first 1500 of that order', async () => {
    const flags = ['--sort-key', 'size', '--sort-dir', 'asc'];
    const { ids } = await ours([...flags, '--limit', '1500', '--page-size', '400']);
    expect(ids).toEqual(databaseOrder(flags).slice(0, 1500));
  });

  // glanceclient pages correctly within one page: the first 150 images, byte for byte.
  for (const flags of [
    ['--sort-key', 'size'],
    ['--sort-key', 'name', '--sort-key', 'size', '--sort-dir', 'asc', '--sort-dir', 'desc'],
  ]) {
    it(`as glanceclient: image-list --limit 150 ${flags.join(' ')}`, async () => {
      const args = ['--os-image-api-version', '2', 'image-list', ...SCALE_FLAGS, '--limit', '150', ...flags];
      const [ours, theirs] = await Promise.all([glance2(args.slice(2)), pythonGlance(args)]);
      expect(theirs.code).toBe(0);
      expect({ code: ours.code, stdout: ours.stdout, stderr: ours.stderr }).toEqual({ code: theirs.code, stdout: theirs.stdout, stderr: theirs.stderr });
    });
  }
});

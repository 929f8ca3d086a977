// One rule for every command that takes an image (README "Images by name or ID"): the v2 dialect
// sends what it is given as an ID, as python-glanceclient 4.1.0 does (same bytes, same exit code);
// the runbook dialect takes a name or an ID everywhere, as the classic v1 client did.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Image } from '../../src/api/image/images.js';
import { gridRows } from '../helpers/cli.js';
import { WORK } from './glance-helpers.js';
import { imageFactory, ours, reference, suffix } from './glance-v2-commands-fixtures.js';

const images = imageFactory();
const data = join(WORK, `names-${suffix()}.raw`);
const MEMBER = '0123456789abcdef0123456789abcdef';
let image: Image;

beforeAll(async () => {
  writeFileSync(data, 'some bytes');
  image = await images.create({ name: `names-${suffix()}`, disk_format: 'raw', container_format: 'bare' });
});

afterAll(() => images.cleanup());

/** Each command that takes an image, with that image given as NAME. */
const byName = (name: string): string[][] => [
  ['image-show', name],
  ['image-update', '--min-ram', '1', name],
  ['image-delete', name],
  ['image-download', '--file', join(WORK, 'never-written'), name],
  ['image-upload', '--file', data, name],
  ['image-stage', '--file', data, name],
  ['image-import', name],
  ['image-deactivate', name],
  ['image-reactivate', name],
  ['image-tasks', name],
  ['image-tag-update', name, 'golden'],
  ['image-tag-delete', name, 'golden'],
  ['location-add', '--url', 'http://127.0.0.1:9/x', name],
  ['location-delete', '--url', 'http://127.0.0.1:9/x', name],
  ['location-update', '--url', 'http://127.0.0.1:9/x', '--metadata', '{}', name],
  ['member-list', '--image-id', name],
  ['member-create', name, MEMBER],
  ['member-update', name, MEMBER, 'accepted'],
  ['member-delete', name, MEMBER],
];

describe('v2 dialect: an image name is not looked up, as in glanceclient', () => {
  for (const args of byName('NAME')) {
    it(args[0]!, async () => {
      const real = args.map((a) => (a === 'NAME' ? image.name! : a));
      const [us, py] = await Promise.all([ours(real), reference(real)]);
      expect(us.stderr).toBe(py.stderr);
      expect(us.stdout).toBe(py.stdout);
      expect(us.code).toBe(py.code);
    });
  }

  it('the image is untouched', async () => {
    const now = await images.get(image.id);
    expect([now.status, now.min_ram, now.tags]).toEqual(['queued', 0, []]);
  });

  it("image-download of a missing ID: glanceclient's 'Unable to download image' line", async () => {
    const args = ['image-download', '--file', join(WORK, 'never-written'), '8f1d4d0e-0000-4000-8000-000000000000'];
    const [us, py] = await Promise.all([ours(args), reference(args)]);
    expect(py.stderr).toMatch(/^Unable to download image '8f1d4d0e-0000-4000-8000-000000000000'\. \(HTTP 404 Not Found: /);
    expect(us).toEqual(py);
  });
});

describe('runbook dialect: a name or an ID everywhere, with the classic messages', () => {
  it('tag and member commands find the image by name', async () => {
    expect((await ours(['image-tag-update', image.name!, 'golden'], 1)).code).toBe(0);
    expect((await images.get(image.id)).tags).toEqual(['golden']);
    expect((await ours(['image-tag-delete', image.name!, 'golden'], 1)).code).toBe(0);
    expect((await images.get(image.id)).tags).toEqual([]);
    expect((await ours(['member-create', image.name!, MEMBER], 1)).code).toBe(0);
    const members = await ours(['member-list', '--image-id', image.name!], 1);
    expect(gridRows(members.stdout).slice(1)).toEqual([[image.id, MEMBER, 'pending']]);
    expect((await ours(['member-delete', image.name!, MEMBER], 1)).code).toBe(0);
  });

  it('an ambiguous name is refused by every command, nothing changed', async () => {
    const twin = await images.create({ name: image.name, disk_format: 'raw', container_format: 'bare' });
    const refusal = `Multiple image matches found for '${image.name}', use an ID to be more specific.\n`;
    for (const args of [
      ['image-tag-update', image.name!, 'x'],
      ['member-create', image.name!, MEMBER],
      ['location-add', '--url', 'http://127.0.0.1:9/x', image.name!],
      ['image-delete', image.name!],
    ]) {
      const r = await ours(args, 1);
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 1, stderr: refusal });
    }
    expect((await images.get(twin.id)).tags).toEqual([]);
    expect((await images.get(image.id)).status).toBe('queued');
  });
});

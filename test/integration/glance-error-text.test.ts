// Glance's error text on the real cloud: the v2 dialect prints what python-glanceclient 4.1.0
// prints (webob's HTML escapes and the server's Latin-1 reading of the path included); the
// runbook dialect prints it readable (quotes, ü, as the user typed them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Image } from '../../src/api/image/images.js';
import { imageFactory, ours, reference, suffix } from './glance-v2-commands-fixtures.js';

const images = imageFactory();
let image: Image;

beforeAll(async () => {
  image = await images.create({ name: `errtext-${suffix()}`, disk_format: 'raw', container_format: 'bare' });
});

afterAll(() => images.cleanup());

/** What is asked, and the message the runbook dialect prints (the image's ID known only once it is made). */
const CASES: Array<[string, (id: string) => string[], (id: string) => string]> = [
  ['a quote in a query value', () => ['image-list', '--visibility', "x'y"], () => "HTTP 400 Bad Request: Invalid visibility value: x'y\n"],
  ['non-ASCII in a query value', () => ['image-list', '--member-status', 'ünïcødé'], () => 'HTTP 400 Bad Request: Invalid status: ünïcødé\n'],
  [
    'non-ASCII in the path',
    (id) => ['member-update', id, 'ünïcødé', 'accepted'],
    (id) => `HTTP 404 Not Found: ünïcødé not found in the member list of the image ${id}.\n`,
  ],
];

describe('v2 dialect: the bytes glanceclient prints', () => {
  it.each(CASES)('%s', async (_what, args) => {
    const [us, py] = await Promise.all([ours(args(image.id)), reference(args(image.id))]);
    expect(py.stderr).toMatch(/&#/);
    expect(us).toEqual(py);
  });
});

describe('runbook dialect: readable', () => {
  it.each(CASES)('%s', async (_what, args, expected) => {
    const r = await ours(args(image.id), 1);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 1, stdout: '', stderr: expected(image.id) });
  });
});

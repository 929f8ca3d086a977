// Malformed answers from a fake Keystone and Glance (test/helpers/fake-cloud.ts) reach the user as
// one line naming the service, the request and the field: exit 1, nothing on stdout, no
// JavaScript error text. Runs the built CLI, as a user would.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { GOOD_IMAGE, IMAGE_ID, startFakeCloud, type FakeCloud } from '../helpers/fake-cloud.js';

let cloud: FakeCloud;
beforeAll(async () => {
  cloud = await startFakeCloud();
});
afterAll(async () => cloud?.close());
beforeEach(() => cloud.reset());

/** JSON.stringify writes no 1e999: the image is written with a marker, then the marker replaced. */
const withNumber = (value: string, record: Record<string, unknown>): string => JSON.stringify(record).replace('"<number>"', value);
const imageWith = (field: string, value: string): string => withNumber(value, { ...GOOD_IMAGE, [field]: '<number>' });

const JS_ERROR_TEXT = /Cannot read propert|is not (iterable|a function)|undefined|TypeError|SyntaxError|at .*\.js:\d+/;

interface Case {
  name: string;
  args: string[];
  answer: (c: FakeCloud) => void;
  line: string;
}

const KEYSTONE = 'Keystone answered POST /v3/auth/tokens with an unexpected body:';
const LIST = 'Glance answered GET /v2/images with an unexpected body:';
const RECORD = `Glance answered GET /v2/images/${IMAGE_ID} with an unexpected body:`;
const V2 = ['--os-image-api-version', '2'];

const cases: Case[] = [
  {
    name: 'token: a string for the token',
    args: ['image-list'],
    answer: (c) => (c.answers.token = '{"token": "abc"}'),
    line: `${KEYSTONE} "token" is not an object`,
  },
  { name: 'token: a list for the body', args: ['image-list'], answer: (c) => (c.answers.token = '[]'), line: `${KEYSTONE} the body is not an object` },
  {
    name: 'token: an expiry that is no date',
    args: ['image-list'],
    answer: (c) => (c.answers.token = c.tokenText({ expires_at: 'soon' })),
    line: `${KEYSTONE} "token.expires_at" is not a date`,
  },
  {
    name: 'token: no user id',
    args: ['image-list'],
    answer: (c) => (c.answers.token = c.tokenText({ user: { name: 'admin' } })),
    line: `${KEYSTONE} "token.user.id" is missing`,
  },
  {
    name: 'catalog: an object for the list',
    args: ['image-list'],
    answer: (c) => (c.answers.token = c.tokenText({ catalog: {} })),
    line: `${KEYSTONE} "token.catalog" is not a list`,
  },
  {
    name: 'catalog: an entry that is no object',
    args: ['image-list'],
    answer: (c) => (c.answers.token = c.tokenText({ catalog: ['image'] })),
    line: `${KEYSTONE} "token.catalog[0]" is not an object`,
  },
  {
    name: 'catalog: endpoints not a list',
    args: ['image-list'],
    answer: (c) => (c.answers.token = c.tokenText({ catalog: [{ ...c.imageService, endpoints: 'x' }] })),
    line: `${KEYSTONE} "token.catalog[0].endpoints" is not a list`,
  },
  {
    name: 'catalog: an endpoint without interface',
    args: ['image-list'],
    answer: (c) => (c.answers.token = c.tokenText({ catalog: [{ ...c.imageService, endpoints: [{ id: 'e', url: c.imageUrl }] }] })),
    line: `${KEYSTONE} "token.catalog[0].endpoints[0].interface" is missing`,
  },
  {
    name: 'image list: a string for the list',
    args: ['image-list'],
    answer: (c) => (c.answers.images = '{"images": "abc"}'),
    line: `${LIST} "images" is not a list`,
  },
  {
    name: 'image list: null for the list (v2 dialect)',
    args: [...V2, 'image-list'],
    answer: (c) => (c.answers.images = '{"images": null}'),
    line: `${LIST} "images" is not a list`,
  },
  {
    name: 'image list: entries that are no objects',
    args: ['image-list'],
    answer: (c) => (c.answers.images = '{"images": [1, 2, 3]}'),
    line: `${LIST} "images[0]" is not an object (1)`,
  },
  {
    name: 'image list: size 1e999',
    args: ['image-list'],
    answer: (c) => (c.answers.images = `{"images": [${imageWith('size', '1e999')}]}`),
    line: `${LIST} "images[0].size" is not a non-negative integer (Infinity)`,
  },
  {
    name: 'image list --human-readable: size 1e999 (spun forever before)',
    args: ['image-list', '--human-readable'],
    answer: (c) => (c.answers.images = `{"images": [${imageWith('size', '1e999')}]}`),
    line: `${LIST} "images[0].size" is not a non-negative integer (Infinity)`,
  },
  {
    name: 'image list: size 1e300',
    args: ['image-list'],
    answer: (c) => (c.answers.images = `{"images": [${imageWith('size', '1e300')}]}`),
    line: `${LIST} "images[0].size" is not a non-negative integer (1e+300)`,
  },
  {
    name: 'image list: negative min_disk (v2 dialect)',
    args: [...V2, 'image-list'],
    answer: (c) => (c.answers.images = `{"images": [${imageWith('min_disk', '-1')}]}`),
    line: `${LIST} "images[0].min_disk" is not a non-negative integer (-1)`,
  },
  {
    name: 'image record: a list for the body',
    args: ['image-show', IMAGE_ID],
    answer: (c) => (c.answers.image = '[]'),
    line: `${RECORD} the body is not an object`,
  },
  {
    name: 'image record: a number for the name',
    args: ['image-show', IMAGE_ID],
    answer: (c) => (c.answers.image = imageWith('name', '5')),
    line: `${RECORD} "name" is not a string (5)`,
  },
  {
    name: 'image record: a string for the size (v2 dialect)',
    args: [...V2, 'image-show', IMAGE_ID],
    answer: (c) => (c.answers.image = imageWith('size', '"big"')),
    line: `${RECORD} "size" is not a non-negative integer`,
  },
  {
    name: 'image record: min_ram 1e999 (v2 dialect)',
    args: [...V2, 'image-show', IMAGE_ID],
    answer: (c) => (c.answers.image = imageWith('min_ram', '1e999')),
    line: `${RECORD} "min_ram" is not a non-negative integer (Infinity)`,
  },
];

describe('malformed answers: one line, exit 1', () => {
  it('the fakes answer well-formed bodies by default (the cases below differ only in what they break)', async () => {
    const r = await glance(['image-list', '--human-readable']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain(`| ${IMAGE_ID} | cirros | qcow2       | bare             | 1kB  | active |`);
  });

  it.each(cases)('$name', async ({ args, answer, line }) => {
    answer(cloud);
    const r = await glance(args);
    expect(r).toEqual({ code: 1, stdout: '', stderr: `${line}\n` });
    expect(r.stderr).not.toMatch(JS_ERROR_TEXT);
  });
});

function glance(args: string[]) {
  // OS_CACHE=0: every run asks the fake Keystone, so a token case is never answered from the cache.
  // The timeout stops a run that hangs (image-list --human-readable on Infinity did): it then fails.
  const env = { OS_AUTH_URL: cloud.authUrl, OS_USERNAME: 'admin', OS_PASSWORD: 'secret', OS_TENANT_NAME: 'admin', OS_CACHE: '0' };
  return runCli('glance', args, { env, timeoutMs: 20_000 });
}

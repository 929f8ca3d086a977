// Multi-store glance on the real cloud (stores fast (default) and cheap, the read-only http store
// web, the copy-image import method): stores-info, --store/--stores/--all-stores/--allow-failure,
// copy-image, stores-delete, member-get and bash_completion, each against python-glanceclient
// 4.1.0 on the same cloud (stdout, stderr, exit code), and where the data really landed.
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/api/identity/projects.js';
import type { CliResult } from '../helpers/cli.js';
import { makeTestDeps } from '../helpers/deps.js';
import { deleteNamed, field, glance, glance2, idsNamed, pythonGlance, randomFile, unique, WORK } from './glance-helpers.js';

const PREFIX = unique('stores');
const file = randomFile(64 * 1024);
const names: string[] = [];
const deps = makeTestDeps();
let project: Project;

const nameFor = (what: string): string => {
  const name = `${PREFIX}-${what}-${names.length}`;
  names.push(name);
  return name;
};

beforeAll(async () => {
  project = await (await deps.identity()).projects.create({ name: `${PREFIX}-member`, domain_id: 'default' });
});

afterAll(async () => {
  await deleteNamed(...names);
  if (project) await (await deps.identity()).projects.delete(project.id);
}, 60_000);

async function same(args: readonly string[]): Promise<CliResult> {
  const py = await pythonGlance(['--os-image-api-version', '2', ...args]);
  const us = await glance2(args);
  expect(us.stderr).toBe(py.stderr);
  expect(us.stdout).toBe(py.stdout);
  expect(us.code).toBe(py.code);
  return us;
}

/**
 * The image's `stores` once it shows `expected`, or what it shows after 30 s. Imports run in the
 * background and the image only says so once the task has started, so waiting for the answer is
 * the one reliable way to read it.
 */
async function storesBecome(id: string, expected: string): Promise<string | undefined> {
  const images = (await deps.image()).images;
  let stores: string | undefined;
  for (let i = 0; i < 60; i++) {
    const image = await images.get(id);
    stores = typeof image.stores === 'string' ? image.stores : undefined;
    if (image.status === 'active' && stores === expected) return stores;
    await sleep(500);
  }
  return stores;
}

/** An active image whose data is in `store`, made by our client (--store). */
async function imageIn(store: string, what: string): Promise<string> {
  const r = await glance2(['image-create', '--name', nameFor(what), '--disk-format', 'raw', '--container-format', 'bare', '--file', file, '--store', store]);
  expect([r.code, r.stderr]).toEqual([0, '']);
  return field(r.stdout, 'id')!;
}

async function queuedImage(what: string): Promise<string> {
  const r = await glance2(['image-create', '--name', nameFor(what), '--disk-format', 'raw', '--container-format', 'bare']);
  expect(r.code).toBe(0);
  return field(r.stdout, 'id')!;
}

describe('stores-info on a multi-store cloud', () => {
  it.each([[[]], [['--detail']]])('stores-info %j prints what glanceclient prints, and lists fast, cheap and web', async (extra) => {
    const r = await same(['stores-info', ...extra]);
    expect(r.code).toBe(0);
    // The Value column's lines, unwrapped.
    const value = r.stdout
      .split('\n')
      .map((line) => line.split('|')[2]?.trim() ?? '')
      .join(' ');
    for (const id of ['fast', 'cheap', 'web']) expect(value).toContain(`"id": "${id}"`);
  });
});

describe('the data lands in the stores asked for', () => {
  it('image-create --store cheap: the record is what glanceclient shows for it, stored in cheap only', async () => {
    const r = await glance2([
      'image-create',
      '--name',
      nameFor('create'),
      '--disk-format',
      'raw',
      '--container-format',
      'bare',
      '--file',
      file,
      '--store',
      'cheap',
    ]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const id = field(r.stdout, 'id')!;
    expect(field(r.stdout, 'stores')).toBe('cheap');
    expect((await pythonGlance(['--os-image-api-version', '2', 'image-show', id])).stdout).toBe(r.stdout);
  });

  it('image-upload --store cheap (and OS_IMAGE_STORE=cheap) upload into cheap, silently as glanceclient', async () => {
    for (const how of [['--store', 'cheap'], []]) {
      const id = await queuedImage('upload');
      const r = await glance2(['image-upload', '--file', file, ...how, id], how.length ? {} : { OS_IMAGE_STORE: 'cheap' });
      expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(await storesBecome(id, 'cheap')).toBe('cheap');
    }
  });

  it('image-create-via-import --stores fast,cheap and --all-stores True --allow-failure False: both clients land in fast and cheap', async () => {
    for (const how of [
      ['--stores', 'fast,cheap'],
      ['--all-stores', 'True', '--allow-failure', 'False'],
    ]) {
      const args = (name: string) => ['image-create-via-import', '--name', name, '--disk-format', 'raw', '--container-format', 'bare', '--file', file, ...how];
      const us = await glance2(args(nameFor('via-import')));
      const py = await pythonGlance(['--os-image-api-version', '2', ...args(nameFor('via-import-py'))]);
      expect([us.code, us.stderr]).toEqual([py.code, py.stderr]);
      expect(us.code).toBe(0);
      // The web store is read-only: all stores means the writable ones.
      expect(await storesBecome(field(us.stdout, 'id')!, 'fast,cheap')).toBe('fast,cheap');
      expect(await storesBecome(field(py.stdout, 'id')!, 'fast,cheap')).toBe('fast,cheap');
    }
  }, 120_000);

  it('image-import --import-method copy-image --stores cheap copies an active image into cheap, as glanceclient does', async () => {
    const ourId = await imageIn('fast', 'copy');
    const theirId = await imageIn('fast', 'copy-py');
    const us = await glance2(['image-import', ourId, '--import-method', 'copy-image', '--stores', 'cheap']);
    const py = await pythonGlance(['--os-image-api-version', '2', 'image-import', theirId, '--import-method', 'copy-image', '--stores', 'cheap']);
    expect([us.code, us.stderr]).toEqual([py.code, py.stderr]);
    expect(us.code).toBe(0);
    expect(field(us.stdout, 'id')).toBe(ourId);
    expect(await storesBecome(ourId, 'fast,cheap')).toBe('fast,cheap');
    expect(await storesBecome(theirId, 'fast,cheap')).toBe('fast,cheap');
  }, 120_000);

  it('stores-delete --store fast removes only that copy, printing nothing, as glanceclient', async () => {
    const ids: string[] = [];
    for (const what of ['delete', 'delete-py']) {
      const id = await imageIn('fast', what);
      const copy = await glance2(['image-import', id, '--import-method', 'copy-image', '--stores', 'cheap']);
      expect(copy.code).toBe(0);
      expect(await storesBecome(id, 'fast,cheap')).toBe('fast,cheap');
      ids.push(id);
    }
    const us = await glance2(['stores-delete', '--store', 'fast', ids[0]!]);
    const py = await pythonGlance(['--os-image-api-version', '2', 'stores-delete', '--store', 'fast', ids[1]!]);
    expect(us).toEqual(py);
    expect(us).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await storesBecome(ids[0]!, 'cheap')).toBe('cheap');
    expect(await storesBecome(ids[1]!, 'cheap')).toBe('cheap');
  }, 120_000);
});

describe('store errors are glanceclient’s, word for word', () => {
  let queued: string;
  let active: string;
  beforeAll(async () => {
    queued = await queuedImage('queued');
    active = await imageIn('cheap', 'only-cheap');
  });

  const copy =
    (id: () => string, ...extra: string[]) =>
    () => ['image-import', id(), '--import-method', 'copy-image', ...extra];
  it.each([
    ['copy-image on a queued image', copy(() => queued, '--stores', 'cheap')],
    ['copy-image with neither --stores nor --all-stores', copy(() => active)],
    ['--stores with --all-stores', copy(() => active, '--stores', 'fast', '--all-stores', 'True')],
    ['--store with --stores', copy(() => active, '--store', 'fast', '--stores', 'fast')],
    ['an unknown store in --stores', copy(() => active, '--stores', 'fast,nope')],
    ['an unknown --store', copy(() => active, '--store', 'nope')],
    ['copy-image while creating', () => ['image-create-via-import', '--name', nameFor('never'), '--import-method', 'copy-image']],
    [
      '--stores without data (glance-direct)',
      () => ['image-create-via-import', '--name', nameFor('never'), '--import-method', 'glance-direct', '--stores', 'fast'],
    ],
    ['image-create --store without data', () => ['image-create', '--name', nameFor('never'), '--store', 'cheap']],
    [
      'image-create --store unknown',
      () => ['image-create', '--name', nameFor('never'), '--disk-format', 'raw', '--container-format', 'bare', '--file', file, '--store', 'nope'],
    ],
    ['image-upload --store unknown', () => ['image-upload', '--file', file, '--store', 'nope', queued]],
    ['stores-delete of a store the image is not in', () => ['stores-delete', '--store', 'fast', active]],
    ['stores-delete of an unknown store', () => ['stores-delete', '--store', 'nope', active]],
    ['stores-delete of an image that does not exist', () => ['stores-delete', '--store', 'cheap', '00000000-0000-0000-0000-000000000000']],
    ['stores-delete without --store', () => ['stores-delete', active]],
  ])('%s', async (_what, args) => {
    const r = await same(args());
    expect(r.code).toBeGreaterThan(0);
    expect(r.stderr).not.toBe('');
  });

  it('OS_IMAGE_STORE without data is refused as --store is, and no image is made', async () => {
    const name = nameFor('env-store');
    const args = ['--os-image-api-version', '2', 'image-create', '--name', name];
    const py = await pythonGlance(args, { OS_IMAGE_STORE: 'cheap' });
    const us = await glance(args, { OS_IMAGE_STORE: 'cheap' });
    expect(us).toEqual(py);
    expect(us.code).toBe(1);
    expect(await idsNamed(name)).toEqual([]);
  });
});

describe('member-get', () => {
  let image: string;
  beforeAll(async () => {
    image = await imageIn('fast', 'member');
    expect((await glance2(['member-create', image, project.id])).code).toBe(0);
  });

  it('prints the member as glanceclient does; errors are its words', async () => {
    expect((await same(['member-get', image, project.id])).stdout).toContain('| status     | pending');
    for (const args of [
      ['member-get', image, 'not-a-member'],
      ['member-get', '00000000-0000-0000-0000-000000000000', project.id],
    ]) {
      expect((await same(args)).code).toBe(1);
    }
  });

  it('v1 dialect: the image may be named; a left-aligned Property/Value grid', async () => {
    const name = (await glance2(['image-show', image])).stdout;
    const r = await glance(['member-get', field(name, 'name')!, project.id]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe((await glance2(['member-get', image, project.id])).stdout);
  });
});

describe('stores-delete and stores-info in the v1 dialect', () => {
  it('stores-delete takes the image name; errors name what was given', async () => {
    const id = await imageIn('cheap', 'v1-delete');
    const name = field((await glance2(['image-show', id])).stdout, 'name')!;
    const r = await glance(['stores-delete', '--store', 'cheap', name]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^Unable to delete image '${name}' from store 'cheap'\\. \\(HTTP 403 Forbidden: `));
    const info = await glance(['stores-info']);
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/^\| stores +\| \[\{"id": "fast"/m);
  });
});

// glanceclient's own subcommand parsers (what its do_bash_completion reads), one process for all.
const PARSERS = `
import json, sys
from glanceclient import shell
s = shell.OpenStackImagesShell()
s.get_subcommand_parser(2, argv=[])
print(json.dumps({n: sorted(p._optionals._option_string_actions) for n, p in s.subcommands.items()}))
`;

/** Each glanceclient v2 command's options, its built-in image schema in force (no cached one under HOME). */
function glanceclientOptions(): Record<string, string[]> {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', PARSERS], { env: { PATH: '/usr/bin:/bin', HOME: WORK } }).toString());
}

describe('bash_completion', () => {
  it('v2 dialect: glanceclient’s commands we have and exactly their options, one line, as its own bash_completion', async () => {
    const py = await pythonGlance(['--os-image-api-version', '2', 'bash_completion']);
    const us = await glance2(['bash_completion']);
    expect([us.code, us.stderr]).toEqual([py.code, py.stderr]);
    expect(us.stdout).toMatch(/^\S+( \S+)*\n$/);
    const ourWords = us.stdout.trim().split(' ');
    const theirWords = py.stdout.trim().split(' ');
    // Every word is one of glanceclient's (its order is a Python set's, different on every run).
    expect(ourWords.filter((w) => !theirWords.includes(w))).toEqual([]);
    // Once every glanceclient command exists here, the two lists are the same words.
    const options = glanceclientOptions();
    const shared = Object.keys(options).filter((name) => ourWords.includes(name));
    const expected = new Set([...shared, ...shared.flatMap((name) => options[name]!)]);
    expect([...ourWords].sort()).toEqual([...expected].sort());
    expect(shared).toEqual(expect.arrayContaining(['image-create-via-import', 'stores-delete', 'member-get', 'help']));
  }, 120_000);

  it('bash-completion is the same command under the other spelling, in both dialects', async () => {
    expect(await glance2(['bash-completion'])).toEqual(await glance2(['bash_completion']));
    const v1 = await glance(['bash_completion']);
    expect(v1).toEqual(await glance(['bash-completion']));
    // The v1 dialect offers our own commands and flags too (image-seed, -f/--format, v1 --is-public).
    expect(v1.stdout.trim().split(' ')).toEqual(expect.arrayContaining(['--format', '--is-public', 'member-get', 'stores-delete', 'image-seed', '--parallel']));
  }, 120_000);
});

// Our --os-image-api-version 2 against python-glanceclient 4.1.0 (/usr/bin/glance) on the same
// cloud and the SAME images: identical bytes on stdout and stderr, same exit code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteNamed, field, glance2, pythonGlance, qcow2, unique } from './glance-helpers.js';

const file = qcow2();
const ours = unique('parity-ours');
const theirs = unique('parity-py');
// Lists are filtered to this test's images: other developers change theirs meanwhile.
const tag = unique('parity-tag');
let ourId: string;
let theirId: string;
let ourCreate: string;

beforeAll(async () => {
  const py = await pythonGlance([
    'image-create',
    '--name',
    theirs,
    '--disk-format',
    'qcow2',
    '--container-format',
    'bare',
    '--property',
    'os_distro=fedora',
    '--tags',
    'a',
    'b-c',
    tag,
    '--file',
    file,
  ]);
  expect(py.code).toBe(0);
  theirId = field(py.stdout, 'id')!;
  const res = await glance2([
    'image-create',
    '--name',
    ours,
    '--disk-format',
    'qcow2',
    '--container-format',
    'bare',
    '--property',
    'os_distro=fedora',
    '--tags',
    'a',
    'b-c',
    tag,
    '--file',
    file,
  ]);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
  ourCreate = res.stdout;
  ourId = field(res.stdout, 'id')!;
}, 60_000);

afterAll(() => deleteNamed(ours, theirs));

async function same(args: readonly string[]): Promise<void> {
  const py = await pythonGlance(args);
  const us = await glance2(args);
  expect(us.stdout).toBe(py.stdout);
  expect(us.stderr).toBe(py.stderr);
  expect(us.code).toBe(py.code);
}

describe('--os-image-api-version 2 prints what python-glanceclient 4.1.0 prints', () => {
  it('image-create: our record is byte for byte what glance image-show prints for that image', async () => {
    const py = await pythonGlance(['image-show', ourId]);
    expect(py.code).toBe(0);
    expect(ourCreate).toBe(py.stdout);
  });

  it('image-create: the python-created image and ours have the same rows', async () => {
    const py = await pythonGlance(['image-show', theirId]);
    const rowsOf = (grid: string) =>
      grid
        .split('\n')
        .map((l) => l.split('|')[1]?.trim())
        .filter(Boolean);
    expect(rowsOf(ourCreate)).toEqual(rowsOf(py.stdout));
  });

  it('image-show (records wrapped at 80 columns like textwrap)', () => same(['image-show', theirId]));
  it('image-show --human-readable', () => same(['image-show', '--human-readable', ourId]));
  it('image-show --max-column-width 30', () => same(['image-show', '--max-column-width', '30', ourId]));
  it('image-list', () => same(['image-list', '--tag', tag]));
  it('--verbose image-list', () => same(['--verbose', 'image-list', '--tag', tag]));
  it('image-list with filters and sorting', () =>
    same(['--verbose', 'image-list', '--tag', tag, '--sort-key', 'name', '--sort-dir', 'desc', '--property-filter', 'os_distro=fedora']));
  it('image-list --limit and --page-size (following next links)', () => same(['image-list', '--tag', tag, '--limit', '2', '--page-size', '1']));

  it('image-update (set, add, remove properties)', async () => {
    await same(['image-update', '--property', 'color=blue', '--min-ram', '64', '--remove-property', 'os_distro', theirId]);
    await same(['image-update', '--property', 'color=green', theirId]);
  });

  it('invalid disk format error', () => same(['image-create', '--name', unique('never'), '--disk-format', 'qcow3', '--container-format', 'bare']));
  it('invalid container format error', () => same(['image-create', '--name', unique('never'), '--container-format', 'tar']));
  it('not-found error', () => same(['image-show', '8f1d4d0e-0000-4000-8000-000000000000']));
  it('delete of a missing image', () => same(['image-delete', '8f1d4d0e-0000-4000-8000-000000000000']));
  it('a region the catalog does not have', () => same(['--os-region-name', 'Nowhere', 'image-list']));
});

// md-namespace-* and md-resource-type-* on the real cloud, byte for byte with python-glanceclient
// 4.1.0: same stdout, stderr and exit code. What ours creates is read back with glanceclient's
// md-namespace-show (a record printed by both must be the same bytes); namespaces are unique and
// deleted afterwards. Other helpers create namespaces concurrently, so listings compare filtered.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, gridRows } from '../helpers/cli.js';
import { adminEnv, cloud } from '../helpers/cloud.js';
import { makeTestDeps } from '../helpers/deps.js';
import { runGlanceclient } from '../helpers/python-glance.js';
import { ours, reference, suffix } from './glance-v2-commands-fixtures.js';

const deps = makeTestDeps();
const base = `md1-test-${suffix()}`;
const made = new Set<string>();
const name = (tag: string): string => {
  made.add(`${base}-${tag}`);
  return `${base}-${tag}`;
};
const dir = mkdtempSync(join(tmpdir(), 'md1-'));
const file = (tag: string, text: string): string => {
  const path = join(dir, `${tag}.json`);
  writeFileSync(path, text);
  return path;
};

afterAll(async () => {
  const api = (await deps.image()).metadefNamespaces;
  for (const namespace of made) {
    // Imported namespaces may be protected: unprotect, then delete; absent ones are fine.
    await api.get(namespace).then(
      async (current) => {
        const { self: _link, schema: _s, created_at: _c, updated_at: _u, ...record } = current;
        if (current.protected) await api.replace(namespace, { ...record, protected: false });
        await api.delete(namespace);
      },
      () => undefined,
    );
  }
});

/** Both clients at once (each run takes seconds); the results must be identical. Only for commands that change nothing. */
async function same(args: readonly string[], dialects: ReadonlyArray<1 | 2> = [2]): Promise<CliResult> {
  const [expected, ...results] = await Promise.all([reference(args), ...dialects.map((dialect) => ours(args, dialect))]);
  for (const [i, result] of results.entries()) expect(result, `${args.join(' ')} (dialect ${dialects[i]})`).toEqual(expected);
  return expected!;
}

/** Each test runs both clients several times, and a glanceclient run alone takes seconds. */
const SLOW = { timeout: 300_000 };

/** glanceclient with data on stdin (the fixture's reference closes stdin). */
function referenceWithInput(args: readonly string[], input: string): Promise<CliResult> {
  const env = { PATH: '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', ...adminEnv() };
  Object.assign(env, { OS_PROJECT_NAME: cloud().admin_project, OS_USER_DOMAIN_NAME: 'Default', OS_PROJECT_DOMAIN_NAME: 'Default' });
  return runGlanceclient(['--os-image-api-version', '2', ...args], env, input);
}

/** What glanceclient shows for a namespace now: ours must have printed exactly this. */
async function shownByGlanceclient(namespace: string): Promise<CliResult> {
  const shown = await reference(['md-namespace-show', namespace]);
  expect(shown.code, shown.stderr).toBe(0);
  return shown;
}

describe('reading namespaces and resource types', SLOW, () => {
  it('md-namespace-show of a standard namespace, plain, with a resource type prefix and narrow', async () => {
    const shown = await same(['md-namespace-show', 'OS::Compute::Libvirt'], [2, 1]);
    expect(gridRows(shown.stdout)).toContainEqual(['namespace', 'OS::Compute::Libvirt']);
    await same(['md-namespace-show', 'OS::Compute::Libvirt', '--resource-type', 'OS::Glance::Image', '--max-column-width', '30']);
    await same(['md-namespace-show', 'OS::Compute::Libvirt', '--max-column-width', '5']);
  });

  it('md-namespace-show --max-column-width as glanceclient reads it: 0 is the default, negative and non-numbers fail', async () => {
    for (const width of ['0', '-5', 'abc', ' 40 ']) await same(['md-namespace-show', 'OS::Compute::Libvirt', '--max-column-width', width]);
  });

  it('md-namespace-show of a missing namespace is the 404, exit 1', async () => {
    const r = await same(['md-namespace-show', `${base}-nowhere`], [2, 1]);
    expect(r.code).toBe(1);
  });

  it('md-namespace-list with filters, across pages of 3', async () => {
    const filtered = ['md-namespace-list', '--resource-types', 'OS::Nova::Flavor', '--resource-types', 'OS::Glance::Image', '--visibility', 'public'];
    const r = await same(filtered, [2, 1]);
    expect(gridRows(r.stdout).length).toBeGreaterThan(4);
    await same([...filtered, '--page-size', '3']);
  });

  it('md-namespace-list refusals are the server 400s, exit 1', async () => {
    expect((await same(['md-namespace-list', '--page-size', '-1'])).code).toBe(1);
    expect((await same(['md-namespace-list', '--visibility', 'bogus'])).code).toBe(1);
  });

  it('md-namespace-list lists a namespace ours created', async () => {
    const namespace = name('listed');
    expect((await ours(['md-namespace-create', namespace])).code).toBe(0);
    const r = await ours(['md-namespace-list', '--page-size', '2']);
    expect(r.code).toBe(0);
    expect(gridRows(r.stdout)).toContainEqual([namespace]);
  });

  it('md-resource-type-list and md-namespace-resource-type-list', async () => {
    const types = await same(['md-resource-type-list'], [2, 1]);
    expect(gridRows(types.stdout)).toContainEqual(['OS::Glance::Image']);
    const associated = await same(['md-namespace-resource-type-list', 'OS::Compute::Libvirt'], [2, 1]);
    expect(gridRows(associated.stdout)[0]).toEqual(['name', 'prefix', 'properties_target']);
    expect((await same(['md-namespace-resource-type-list', `${base}-nowhere`])).code).toBe(1);
  });
});

describe('md-namespace-create and md-namespace-update', SLOW, () => {
  it('create prints the namespace as glanceclient then shows it, in both dialects', async () => {
    for (const dialect of [2, 1] as const) {
      const namespace = name(`created-v${dialect}`);
      const args = [
        'md-namespace-create',
        namespace,
        '--display-name',
        'Made by md1',
        '--description',
        'two words',
        '--protected',
        'no',
        '--visibility',
        'private',
      ];
      const r = await ours(args, dialect);
      expect(r).toEqual(await shownByGlanceclient(namespace));
      expect(gridRows(r.stdout)).toContainEqual(['protected', 'False']);
    }
  });

  it('create of an existing namespace is the 409, exit 1', async () => {
    const namespace = name('twice');
    expect((await ours(['md-namespace-create', namespace])).code).toBe(0);
    expect((await same(['md-namespace-create', namespace])).code).toBe(1);
  });

  it('create refusals from the schema check, before anything is sent', async () => {
    const namespace = name('refused');
    const long = 'x'.repeat(81);
    for (const args of [
      ['--visibility', 'bogus'],
      ['--resource-type-associations', 'a', 'b'],
      ['--visibility', 'bogus', '--display-name', long],
      ['--self', 'x'],
    ])
      expect((await same(['md-namespace-create', namespace, ...args])).code).toBe(1);
    expect((await same(['md-namespace-create', long])).code).toBe(1);
    expect((await reference(['md-namespace-show', namespace])).code).toBe(1);
  });

  it('create without <NAMESPACE> is a usage error, exit 2 (argparse words it differently)', async () => {
    const expected = await reference(['md-namespace-create']);
    const r = await ours(['md-namespace-create']);
    expect(r.code).toBe(expected.code);
    expect(r.stderr).toContain('NAMESPACE');
  });

  it('update sets fields and renames; the answer is glanceclient show of the result', async () => {
    const namespace = name('updated');
    const renamed = name('renamed');
    expect((await ours(['md-namespace-create', namespace])).code).toBe(0);
    const r = await ours(['md-namespace-update', namespace, '--description', 'now described', '--protected', 'true', '--created-at', 'ignored']);
    expect(r).toEqual(await shownByGlanceclient(namespace));
    expect(gridRows(r.stdout)).toContainEqual(['protected', 'True']);
    const moved = await ours(['md-namespace-update', namespace, '--protected', 'false', '--namespace', renamed], 1);
    expect(moved).toEqual(await shownByGlanceclient(renamed));
  });

  it('update refusals: missing namespace, schema errors in glanceclient order, --self', async () => {
    const namespace = name('update-refused');
    expect((await ours(['md-namespace-create', namespace])).code).toBe(0);
    expect((await same(['md-namespace-update', `${base}-nowhere`, '--visibility', 'public'])).code).toBe(1);
    expect((await same(['md-namespace-update', namespace, '--visibility', 'bad'])).code).toBe(1);
    expect((await same(['md-namespace-update', namespace, '--display-name', 'y'.repeat(81), '--visibility', 'bad'])).code).toBe(1);
    expect((await same(['md-namespace-update', namespace, '--self', 'x'])).code).toBe(1);
  });
});

describe('md-namespace-import', SLOW, () => {
  const full = (namespace: string): string =>
    JSON.stringify({
      namespace,
      display_name: 'Imported',
      resource_type_associations: [{ name: 'OS::Glance::Image', prefix: 'md1_' }],
      properties: { p1: { title: 'P1', type: 'string' } },
      objects: [{ name: 'o1', properties: { q: { title: 'Q', type: 'integer' } } }],
      tags: [{ name: 't1' }, { name: 't2' }],
    });

  it('imports from --file and from stdin; the answer is what glanceclient shows', async () => {
    const fromFile = name('imported-file');
    const r = await ours(['md-namespace-import', '--file', file('full', full(fromFile))]);
    expect(r.code, r.stderr).toBe(0);
    for (const row of ['objects', 'properties', 'tags', 'resource_type_associations']) expect(gridRows(r.stdout).map(([k]) => k)).toContain(row);
    const fromStdin = name('imported-stdin');
    const piped = await ours(['md-namespace-import'], 2, Buffer.from(full(fromStdin)));
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toContain(fromStdin);
  });

  it('a namespace that exists is the 409, read from stdin by both', async () => {
    const namespace = name('import-twice');
    expect((await ours(['md-namespace-create', namespace])).code).toBe(0);
    const document = JSON.stringify({ namespace });
    const expected = await referenceWithInput(['md-namespace-import'], document);
    expect(expected.code).toBe(1);
    expect(await ours(['md-namespace-import'], 2, Buffer.from(document))).toEqual(expected);
  });

  it('bad documents fail as glanceclient fails them, nothing created', async () => {
    const namespace = name('import-refused');
    const documents = {
      'not-json': '{bad',
      empty: '',
      list: '[1, 2]',
      number: '5',
      null: 'null',
      'no-namespace': '{}',
      extra: JSON.stringify({ namespace, foo: 1 }),
      self: JSON.stringify({ namespace, self: 'x' }),
      'bad-property-type': JSON.stringify({ namespace, properties: { p1: { title: 'P', type: 'foo' } } }),
      'property-without-type': JSON.stringify({ namespace, properties: { p1: { title: 'P' } } }),
      'negative-min-length': JSON.stringify({ namespace, properties: { p1: { title: 'P', type: 'string', minLength: -1 } } }),
      'repeated-required': JSON.stringify({ namespace, objects: [{ name: 'o', required: ['a', 'a'] }] }),
    };
    for (const [tag, text] of Object.entries(documents)) expect((await same(['md-namespace-import', '--file', file(tag, text)])).code, tag).toBe(1);
    expect((await reference(['md-namespace-show', namespace])).code).toBe(1);
  });

  it('files that cannot be read, and no input at all', async () => {
    for (const path of [join(dir, 'missing.json'), dir, join(dir, 'missing', 'x.json')])
      expect((await same(['md-namespace-import', '--file', path])).code).toBe(1);
    const none = await same(['md-namespace-import'], [2, 1]);
    expect(none.code).toBe(1);
  });
});

describe('deleting namespaces and their contents', SLOW, () => {
  it('objects-, properties- and tags-delete empty the namespace; glanceclient then shows none', async () => {
    const namespace = name('emptied');
    const document = { namespace, properties: { p1: { title: 'P1', type: 'string' } }, objects: [{ name: 'o1' }], tags: [{ name: 't1' }] };
    expect((await ours(['md-namespace-import', '--file', file('emptied', JSON.stringify(document))])).code).toBe(0);
    for (const contents of ['objects', 'properties', 'tags']) {
      const r = await ours([`md-namespace-${contents}-delete`, namespace]);
      expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
      const fields = gridRows((await shownByGlanceclient(namespace)).stdout).map(([key]) => key);
      expect(fields).not.toContain(contents);
    }
  });

  it('the *-delete commands on a missing namespace are the 404, exit 1', async () => {
    for (const command of ['md-namespace-delete', 'md-namespace-objects-delete', 'md-namespace-properties-delete', 'md-namespace-tags-delete'])
      expect((await same([command, `${base}-nowhere`], [2, 1])).code).toBe(1);
  });

  it('md-namespace-delete removes it, in both dialects', async () => {
    for (const dialect of [2, 1] as const) {
      const namespace = name(`deleted-v${dialect}`);
      expect((await ours(['md-namespace-create', namespace])).code).toBe(0);
      expect(await ours(['md-namespace-delete', namespace], dialect)).toEqual({ code: 0, stdout: '', stderr: '' });
      expect((await reference(['md-namespace-show', namespace])).code).toBe(1);
    }
  });
});

describe('md-resource-type-associate and -deassociate', SLOW, () => {
  it('associate prints the association; glanceclient lists it; deassociate removes it', async () => {
    const namespace = name('associated');
    expect((await ours(['md-namespace-create', namespace])).code).toBe(0);
    const r = await ours(['md-resource-type-associate', namespace, '--name', 'OS::Glance::Image', '--prefix', 'md1_']);
    expect(r.code, r.stderr).toBe(0);
    const rows = gridRows(r.stdout);
    expect(rows).toContainEqual(['name', 'OS::Glance::Image']);
    expect(rows).toContainEqual(['prefix', 'md1_']);
    const listed = await same(['md-namespace-resource-type-list', namespace], [2, 1]);
    expect(gridRows(listed.stdout)).toContainEqual(['OS::Glance::Image', 'md1_', '']);
    expect((await same(['md-resource-type-associate', namespace, '--name', 'OS::Glance::Image'])).code).toBe(1);
    expect(await ours(['md-resource-type-deassociate', namespace, 'OS::Glance::Image'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(gridRows((await reference(['md-namespace-resource-type-list', namespace])).stdout)).toEqual([['name', 'prefix', 'properties_target']]);
  });

  it('refusals: no --name (schema), too long a name, a missing namespace, an association that is not there', async () => {
    const namespace = name('associate-refused');
    expect((await ours(['md-namespace-create', namespace])).code).toBe(0);
    expect((await same(['md-resource-type-associate', namespace])).code).toBe(1);
    expect((await same(['md-resource-type-associate', namespace, '--name', 'y'.repeat(81)])).code).toBe(1);
    expect((await same(['md-resource-type-associate', `${base}-nowhere`, '--name', 'OS::Glance::Image'])).code).toBe(1);
    expect((await same(['md-resource-type-deassociate', `${base}-nowhere`, 'OS::Glance::Image'])).code).toBe(1);
    expect((await same(['md-resource-type-deassociate', namespace, 'OS::Nova::Flavor'])).code).toBe(1);
  });
});

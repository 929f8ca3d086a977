// md-tag-* on the real cloud, byte for byte with python-glanceclient 4.1.0, errors included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridRows } from '../helpers/cli.js';
import { namespaces, namespacePath, post, SLOW, same, sameForEach, withoutTimes } from './glance-metadefs-fixtures.js';
import { ours, reference } from './glance-v2-commands-fixtures.js';

const made = namespaces();
let ns: string;
let other: string;

beforeAll(async () => {
  ns = await made.create('md2-tags');
  other = await made.create('md2-tags-ref');
  await post(`${namespacePath(ns)}/tags/shown`, undefined);
});

afterAll(() => made.removeAll());

describe('md-tag-* print what glanceclient prints', { timeout: SLOW }, () => {
  it('md-tag-list and md-tag-show', async () => {
    expect(gridRows((await same(['md-tag-list', ns])).stdout)).toContainEqual(['shown']);
    expect(gridRows((await same(['md-tag-show', ns, 'shown'])).stdout)).toContainEqual(['name', 'shown']);
  });

  it('md-tag-create strips the name and prints the tag as glanceclient prints its own', async () => {
    const expected = await reference(['md-tag-create', other, '--name', '  made  ']);
    const actual = await ours(['md-tag-create', ns, '--name', '  made  ']);
    expect(expected.code).toBe(0);
    expect({ ...actual, stdout: withoutTimes(actual.stdout) }).toEqual({ ...expected, stdout: withoutTimes(expected.stdout) });
    expect(gridRows((await reference(['md-tag-show', ns, 'made'])).stdout)).toContainEqual(['name', 'made']);
  });

  it('md-tag-create: a blank name, a duplicate, a name the server refuses', async () => {
    expect((await same(['md-tag-create', ns, '--name', '   '])).stderr).toBe('Please supply at least one non-blank tag name.\n');
    expect((await same(['md-tag-create', ns, '--name', 'shown'])).stderr).toContain('HTTP 409 Conflict');
    // Not same(): glanceclient sends no Accept header, so Glance answers with an HTML page whose
    // quotes are &#x27; entities; our session asks for JSON and shows the plain quotes.
    const long = ['md-tag-create', ns, '--name', 'x'.repeat(81)];
    const [expected, actual] = await Promise.all([reference(long), ours(long)]);
    expect({ code: actual.code, stdout: actual.stdout }).toEqual({ code: expected.code, stdout: expected.stdout });
    expect(actual.stderr.replace(/'/g, '&#x27;')).toBe(expected.stderr);
  });

  it('md-tag-update renames; the record is glanceclient show of it', async () => {
    await post(`${namespacePath(ns)}/tags/to-rename`, undefined);
    const r = await ours(['md-tag-update', ns, 'to-rename', '--name', ' renamed ']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe((await reference(['md-tag-show', ns, 'renamed'])).stdout);
  });

  it('md-tag-update: a blank name, a name the tag schema refuses, a missing tag', async () => {
    expect((await same(['md-tag-update', ns, 'shown', '--name', ' '])).code).toBe(1);
    expect((await same(['md-tag-update', ns, 'shown', '--name', 'x'.repeat(81)])).stderr).toMatch(
      /^Unable to set 'name' to 'x+'\. Reason: 'x+' is too long\n\nFailed validating 'maxLength'/,
    );
    expect((await same(['md-tag-update', ns, 'nope', '--name', 'q'])).stderr).toContain('HTTP 404 Not Found');
  });

  it('md-tag-delete deletes quietly; a second delete is the 404', async () => {
    await post(`${namespacePath(ns)}/tags/to-delete`, undefined);
    expect(await ours(['md-tag-delete', ns, 'to-delete'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await same(['md-tag-delete', ns, 'to-delete'])).code).toBe(1);
  });

  it('missing namespace, and missing arguments (argparse names all of them, exit 2)', async () => {
    for (const r of await sameForEach([
      ['md-tag-list', `${ns}-missing`],
      ['md-tag-show', `${ns}-missing`, 'x'],
      ['md-tag-create', `${ns}-missing`, '--name', 'x'],
      ['md-tag-create-multiple', `${ns}-missing`, '--names', 'x'],
    ]))
      expect(r.code).toBe(1);
    for (const r of await sameForEach([
      ['md-tag-create'],
      ['md-tag-create-multiple', ns],
      ['md-tag-delete', ns],
      ['md-tag-list'],
      ['md-tag-show'],
      ['md-tag-update', ns, 'x'],
      ['md-tag-update'],
    ]))
      expect(r.code).toBe(2);
  });
});

describe('md-tag-create-multiple', { timeout: SLOW }, () => {
  it('replaces the tags with the names split at --delim (blanks dropped), printed as the server answers', async () => {
    const args = (namespace: string) => ['md-tag-create-multiple', namespace, '--names', 'm1| m2 ||m3 ', '--delim', '|'];
    const expected = await reference(args(other));
    const actual = await ours(args(ns));
    expect(expected.code).toBe(0);
    expect(actual).toEqual(expected);
    expect(gridRows(actual.stdout)).toEqual([['name'], ['m1'], ['m2'], ['m3']]);
    const listed = await reference(['md-tag-list', ns]);
    expect(gridRows(listed.stdout).slice(1).flat().sort()).toEqual(['m1', 'm2', 'm3']);
  });

  it('only blank names, a name the tag schema refuses, and --append as 4.1.0 fails it: nothing sent', async () => {
    expect((await same(['md-tag-create-multiple', ns, '--names', ' , ,'])).stderr).toBe('Please supply at least one tag name. For example: --names Tag1\n');
    expect((await same(['md-tag-create-multiple', ns, '--names', `ok,${'x'.repeat(81)}`])).stderr).toMatch(
      / is too long\n\nFailed validating 'maxLength' in schema\['properties'\]\['name'\]:/,
    );
    expect((await same(['md-tag-create-multiple', ns, '--names', 'a;b', '--delim', ';', '--append'])).stderr).toBe('quote_from_bytes() expected bytes\n');
    expect(
      gridRows((await reference(['md-tag-list', ns])).stdout)
        .slice(1)
        .flat()
        .sort(),
    ).toEqual(['m1', 'm2', 'm3']);
  });
});

describe('the runbook dialect (no --os-image-api-version)', { timeout: SLOW }, () => {
  it('md-tag-list and md-tag-show print the same left-aligned grids', async () => {
    for (const args of [
      ['md-tag-list', ns],
      ['md-tag-show', ns, 'm1'],
    ]) {
      const r = await ours(args, 1);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe((await reference(args)).stdout);
    }
    expect(gridRows((await ours(['md-tag-show', ns, 'm1'], 1)).stdout)).toContainEqual(['name', 'm1']);
  });
});

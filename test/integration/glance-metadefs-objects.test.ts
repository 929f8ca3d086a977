// md-object-* and md-property-* on the real cloud, byte for byte with python-glanceclient 4.1.0:
// records, lists, the schema checks it makes before sending (warlock + jsonschema messages),
// --schema read as json.loads + dict.update, --max-column-width read with int(), and errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridRows } from '../helpers/cli.js';
import { namespaces, namespacePath, post, SLOW, same, sameForEach, withoutTimes } from './glance-metadefs-fixtures.js';
import { ours, reference } from './glance-v2-commands-fixtures.js';

const made = namespaces();
let ns: string;
/** A second namespace for the reference client's own creates (names may then be the same). */
let other: string;

const LONG = 'An object with a fairly long description that will need wrapping at fifty columns for sure';
const OBJECT_SCHEMA = JSON.stringify({
  description: LONG,
  properties: { cpu: { title: 'CPU', type: 'integer', description: 'How many CPUs the flavor has, at the very least' }, ram: { type: 'string', title: 'RAM' } },
  required: ['cpu'],
});

beforeAll(async () => {
  ns = await made.create('md2-objects');
  other = await made.create('md2-objects-ref');
  await post(`${namespacePath(ns)}/objects`, { name: 'shown', ...JSON.parse(OBJECT_SCHEMA) });
  await post(`${namespacePath(ns)}/objects`, { name: 'bare' });
  await post(`${namespacePath(ns)}/properties`, {
    name: 'p-shown',
    title: 'Shown',
    type: 'string',
    maxLength: 5,
    description: 'A property with a description long enough to wrap',
  });
  await post(`${namespacePath(ns)}/properties`, { name: 'p-int', title: 'Int', type: 'integer', minimum: 1 });
});

afterAll(() => made.removeAll());

describe('md-object-* print what glanceclient prints', { timeout: SLOW }, () => {
  it('md-object-list: name and description, the description wrapped at 50', async () => {
    const r = await same(['md-object-list', ns]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| shown | An object with a fairly long description that will |');
  });

  it('md-object-show: properties as their names, wrapped at --max-column-width; 0 is the default 80', async () => {
    const r = await same(['md-object-show', ns, 'shown']);
    expect(gridRows(r.stdout)).toContainEqual(['properties', '["cpu", "ram"]']);
    await sameForEach(['20', '0', ' +7 ', '1_0'].map((width) => ['md-object-show', ns, 'shown', '--max-column-width', width]));
  });

  it('md-object-show: a width int() refuses, or a negative one, fails after the fetch as glanceclient does', async () => {
    expect((await same(['md-object-show', ns, 'shown', '--max-column-width', 'x'])).stderr).toBe("invalid literal for int() with base 10: 'x'\n");
    expect((await same(['md-object-show', ns, 'shown', '--max-column-width', '-1'])).code).toBe(1);
    expect((await same(['md-object-show', ns, 'nope', '--max-column-width', 'x'])).stderr).toContain('HTTP 404 Not Found');
  });

  it('md-object-property-show: one property with its name; 0 keeps columns as wide as their headers', async () => {
    const r = await same(['md-object-property-show', ns, 'shown', 'cpu']);
    expect(gridRows(r.stdout)).toContainEqual(['name', 'cpu']);
    await same(['md-object-property-show', ns, 'shown', 'cpu', '--max-column-width', '0']);
    await same(['md-object-property-show', ns, 'shown', 'cpu', '--max-column-width', '12']);
  });

  it('md-object-property-show: a property the object lacks, or an object without properties', async () => {
    expect((await same(['md-object-property-show', ns, 'shown', 'nope'])).stderr).toBe('Property nope not found in object shown.\n');
    expect((await same(['md-object-property-show', ns, 'bare', 'cpu'])).code).toBe(1);
  });

  it('missing object or namespace: the server 404s, exit 1', async () => {
    for (const r of await sameForEach([
      ['md-object-show', ns, 'nope'],
      ['md-object-show', `${ns}-missing`, 'shown'],
      ['md-object-list', `${ns}-missing`],
      ['md-object-delete', ns, 'nope'],
      ['md-object-update', ns, 'nope', '--name', 'x'],
      ['md-object-create', `${ns}-missing`, '--name', 'x', '--schema', '{}'],
    ]))
      expect(r.code).toBe(1);
  });

  it('missing arguments: argparse names all of them, usage first, exit 2', async () => {
    for (const r of await sameForEach([
      ['md-object-create'],
      ['md-object-create', ns],
      ['md-object-create', '--name', 'x', '--schema', '{}'],
      ['md-object-delete', ns],
      ['md-object-list'],
      ['md-object-show'],
      ['md-object-property-show', ns, 'shown'],
      ['md-object-update', ns],
    ]))
      expect(r.code).toBe(2);
  });
});

describe('md-object-create and md-object-update', { timeout: SLOW }, () => {
  it('md-object-create prints the new object as glanceclient prints its own (timestamps aside)', async () => {
    const expected = await reference(['md-object-create', other, '--name', 'made', '--schema', OBJECT_SCHEMA]);
    const actual = await ours(['md-object-create', ns, '--name', 'made', '--schema', OBJECT_SCHEMA]);
    expect(expected.code).toBe(0);
    expect({ ...actual, stdout: withoutTimes(actual.stdout) }).toEqual({ ...expected, stdout: withoutTimes(expected.stdout) });
  });

  it('a duplicate is the server conflict', async () => {
    expect((await same(['md-object-create', ns, '--name', 'shown', '--schema', '{}'])).stderr).toContain('HTTP 409 Conflict');
  });

  it('--schema that the object schema refuses: jsonschema message, nothing sent', async () => {
    const refused = [
      '{"properties":{"a":{"type":"string"}}}',
      '{"properties":{"a":{"type":"string","title":"A","maxLength":-1}}}',
      '{"properties":[]}',
      '{"required":"x"}',
      '{"required":["a","a"]}',
      '{"description":5}',
      '{"bogus":1,"other":2}',
    ].map((schema) => ['md-object-create', ns, '--name', 'refused', '--schema', schema]);
    for (const r of await sameForEach(refused)) expect(r.stderr).toMatch(/\n\nFailed validating '\w+' in schema/);
    expect((await same(['md-object-create', ns, '--name', 'x'.repeat(81), '--schema', '{}'])).stderr).toContain('is too long');
    expect((await same(['md-object-show', ns, 'refused'])).code).toBe(1);
  });

  it('--schema that is not JSON, or JSON that dict.update refuses: Python messages', async () => {
    const cases = ['x', '', '[1]', '1', '1.5', 'null', 'true', '"abc"', '[[1,2,3]]', '[[[1],2]]'].map((schema) => [
      'md-object-create',
      ns,
      '--name',
      'refused',
      '--schema',
      schema,
    ]);
    for (const r of await sameForEach(cases)) expect(r.code).toBe(1);
  });

  it('md-object-update renames and changes the object; the record printed is glanceclient show of it', async () => {
    await post(`${namespacePath(ns)}/objects`, { name: 'to-update', description: 'before' });
    const r = await ours(['md-object-update', ns, 'to-update', '--name', 'updated', '--schema', '{"description":"after","required":["cpu"]}']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const shown = await reference(['md-object-show', ns, 'updated']);
    expect(r.stdout).toBe(shown.stdout);
    expect(gridRows(r.stdout)).toContainEqual(['description', 'after']);
  });

  it('md-object-update: changes the schema refuses are "Unable to set …", nothing sent', async () => {
    const cases = ['{"bogus":1}', '{"description":5}', '[["description","x"],["zz",1]]', '{"properties":{"a":{"type":"string"}}}', 'bad'].map((schema) => [
      'md-object-update',
      ns,
      'shown',
      '--schema',
      schema,
    ]);
    for (const r of await sameForEach(cases)) expect(r.code).toBe(1);
    expect((await same(['md-object-update', ns, 'shown', '--name', 'x'.repeat(81)])).stderr).toMatch(/^Unable to set 'name' to 'x+'\. Reason: /);
    expect((await same(['md-object-show', ns, 'shown'])).code).toBe(0);
  });

  it('md-object-delete deletes, quietly', async () => {
    await post(`${namespacePath(ns)}/objects`, { name: 'to-delete' });
    expect(await ours(['md-object-delete', ns, 'to-delete'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await reference(['md-object-show', ns, 'to-delete'])).code).toBe(1);
  });
});

describe('md-property-*', { timeout: SLOW }, () => {
  it('md-property-list and md-property-show print what glanceclient prints', async () => {
    const list = await same(['md-property-list', ns]);
    expect(gridRows(list.stdout)).toContainEqual(['p-int', 'Int', 'integer']);
    const show = await same(['md-property-show', ns, 'p-shown']);
    expect(gridRows(show.stdout)).toContainEqual(['name', 'p-shown']);
    await sameForEach(['0', '10', ' 30 ', 'x', '-1'].map((width) => ['md-property-show', ns, 'p-shown', '--max-column-width', width]));
  });

  it('missing property or namespace, and missing arguments', async () => {
    for (const r of await sameForEach([
      ['md-property-show', ns, 'nope'],
      ['md-property-list', `${ns}-missing`],
      ['md-property-delete', ns, 'nope'],
      ['md-property-update', ns, 'nope', '--title', 'x'],
      ['md-property-create', `${ns}-missing`, '--name', 'a', '--title', 'b', '--schema', '{"type":"string"}'],
    ]))
      expect(r.code).toBe(1);
    for (const r of await sameForEach([
      ['md-property-create'],
      ['md-property-create', ns, '--name', 'a'],
      ['md-property-delete'],
      ['md-property-list'],
      ['md-property-show', ns],
      ['md-property-update'],
    ]))
      expect(r.code).toBe(2);
  });

  it('md-property-create prints the new property as glanceclient prints its own', async () => {
    const schema = '{"type":"array","items":{"type":"string","enum":["a","b"]},"description":"desc"}';
    const expected = await reference(['md-property-create', other, '--name', 'made', '--title', 'Made', '--schema', schema]);
    const actual = await ours(['md-property-create', ns, '--name', 'made', '--title', 'Made', '--schema', schema]);
    expect(expected.code).toBe(0);
    expect(actual).toEqual(expected);
    expect((await same(['md-property-create', ns, '--name', 'made', '--title', 'Made', '--schema', schema])).stderr).toContain('HTTP 409 Conflict');
  });

  it('md-property-create: --schema the property schema refuses, or not a JSON object', async () => {
    const cases = [
      '{"type":"foo"}',
      '{}',
      '{"type":"string","bogus":1}',
      '{"type":"string","maxLength":-1}',
      '{"type":"string","minLength":-1}',
      '{"type":"string","required":[]}',
      '{"type":"string","enum":"x"}',
      '{"type":"string","operators":["a",1]}',
      '{"type":"integer","minimum":"1"}',
      '{"type":"string","uniqueItems":1}',
      `{"type":"string","name":"${'x'.repeat(81)}"}`,
      '{"type":"string","title":null,"description":"A description with \\"quotes\\" and \'apostrophes\' and é, long enough to be split"}',
      'x',
      '[1]',
      'null',
      '"ab"',
      '"abc"',
    ].map((schema) => ['md-property-create', ns, '--name', 'refused', '--title', 'T', '--schema', schema]);
    for (const r of await sameForEach(cases)) expect(r.code).toBe(1);
    expect((await same(['md-property-show', ns, 'refused'])).code).toBe(1);
  });

  it('md-property-update renames; the record is glanceclient show of it; refused changes send nothing', async () => {
    await post(`${namespacePath(ns)}/properties`, { name: 'to-update', title: 'Before', type: 'string' });
    const cases = ['{"bogus":1}', '{"type":"x"}', '{"minimum":"a","type":"x"}'].map((schema) => [
      'md-property-update',
      ns,
      'to-update',
      '--title',
      'T3',
      '--schema',
      schema,
    ]);
    for (const r of await sameForEach(cases)) expect(r.stderr).toMatch(/^Unable to set '\w+' to /);
    const r = await ours(['md-property-update', ns, 'to-update', '--name', 'updated', '--title', 'After', '--schema', '{"type":"integer","minimum":2}']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe((await reference(['md-property-show', ns, 'updated'])).stdout);
    expect(gridRows(r.stdout)).toContainEqual(['minimum', '2']);
  });

  it('md-property-delete deletes, quietly', async () => {
    await post(`${namespacePath(ns)}/properties`, { name: 'to-delete', title: 'D', type: 'string' });
    expect(await ours(['md-property-delete', ns, 'to-delete'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await reference(['md-property-show', ns, 'to-delete'])).code).toBe(1);
  });
});

describe('the runbook dialect (no --os-image-api-version)', { timeout: SLOW }, () => {
  it('md-object-list, md-object-show and md-property-list print the same left-aligned grids', async () => {
    for (const args of [
      ['md-object-list', ns],
      ['md-object-show', ns, 'shown'],
      ['md-property-list', ns],
      ['md-property-show', ns, 'p-int'],
    ]) {
      const r = await ours(args, 1);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe((await reference(args)).stdout);
      expect(r.stdout.split('\n')[1]).toMatch(/^\| \w+ +\| \w+ +\|/);
    }
    expect(gridRows((await ours(['md-property-list', ns], 1)).stdout)[0]).toEqual(['name', 'title', 'type']);
  });
});

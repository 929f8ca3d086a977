import { describe, expect, it } from 'vitest';
import type { Image } from '../../src/api/image/images.js';
import type { ImageSchema } from '../../src/api/image/schemas.js';
import { glanceDialect } from '../../src/cli/glance/dialect.js';
import { parseCommandLine } from '../helpers/parse.js';
import { updatePatch } from '../../src/cli/glance/commands/image-update.js';
import { checkSchemaFields } from '../../src/cli/glance/support/schema-check.js';
import { humanSize, printImage, pyJson, v1Record, v2Record } from '../../src/cli/glance/support/image-views.js';
import { Printer } from '../../src/output/printer.js';
import { plainText } from '../../src/output/views.js';

const image: Image = {
  id: '8badaf16-7fa0-44ae-97ce-807d2aa50892',
  name: 'fedora-19',
  status: 'active',
  visibility: 'public',
  protected: false,
  disk_format: 'qcow2',
  container_format: 'bare',
  size: 239534080,
  virtual_size: null,
  checksum: '511d9d3235079f1c381d39eb5a9fda1e',
  os_hash_algo: 'sha512',
  os_hash_value: 'ab',
  min_disk: 0,
  min_ram: 0,
  owner: 'a6c6d1f171e649ba8af7a7a6cf63c3b9',
  created_at: '2015-02-16T17:56:18Z',
  updated_at: '2015-02-16T17:56:19Z',
  tags: [],
  os_hidden: false,
  self: '/v2/images/8badaf16',
  file: '/v2/images/8badaf16/file',
  schema: '/v2/schemas/image',
  os_distro: 'fedora',
  os_glance_import_task: 'x',
};

function render(version: 1 | 2, img: Image): string {
  let out = '';
  const print = new Printer({ write: (t) => void (out += t) }, { align: 'left', text: plainText });
  printImage({ glance: glanceDialect(version), print }, img);
  return out;
}

describe('the runbook (v1) record', () => {
  it('prints the runbook rows in its order, custom properties first as Property rows', () => {
    expect(render(1, image)).toContain("| Property 'os_distro' | fedora                               |\n| checksum             |");
    const names = v1Record(image).fields.map(([n]) => n);
    expect(names).toEqual([
      "Property 'os_distro'",
      'checksum',
      'container_format',
      'created_at',
      'deleted',
      'deleted_at',
      'disk_format',
      'id',
      'is_public',
      'min_disk',
      'min_ram',
      'name',
      'owner',
      'protected',
      'size',
      'status',
      'updated_at',
      'virtual_size',
    ]);
  });

  it('reads values as the runbook shows them', () => {
    const { os_distro: _, ...plain } = image;
    const text = render(1, plain as Image);
    expect(text).toContain('| created_at       | 2015-02-16T17:56:18                  |');
    expect(text).toContain('| deleted          | False                                |');
    expect(text).toContain('| deleted_at       | None                                 |');
    expect(text).toContain('| is_public        | True                                 |');
    expect(text).toContain('| virtual_size     | None                                 |');
  });
});

describe('the python-glanceclient (v2) record', () => {
  it('drops self/file/schema, sorts, shows Not available and JSON lists', () => {
    const fields = v2Record({ ...image, tags: ['b', 'a'] }).fields;
    expect(fields.map(([n]) => n)).not.toContain('self');
    expect(fields.map(([n]) => n)).not.toContain('schema');
    expect(fields.find(([n]) => n === 'virtual_size')![1]).toBe('Not available');
    expect(render(2, { ...image, tags: ['b', 'a'] })).toContain('| tags                  | ["b", "a"]');
  });

  it('json.dumps and make_size_human_readable like Python', () => {
    expect(pyJson([{ url: 'é', metadata: {} }])).toBe('[{"url": "\\u00e9", "metadata": {}}]');
    expect(humanSize(237371392)).toBe('226.4MB');
    expect(humanSize(1280)).toBe('1.2kB');
    expect(humanSize(0)).toBe('0B');
    expect(humanSize(1024)).toBe('1kB');
  });

  it('stops at the last suffix: past ZB the number grows, the loop ends (Infinity used to spin forever)', () => {
    expect(humanSize(1024 ** 7)).toBe('1ZB');
    expect(humanSize(2 ** 80)).toBe('1024ZB');
    expect(humanSize(Infinity)).toBe('InfinityZB');
  });
});

describe('flags and patches', () => {
  it('maps v1 flags to v2 fields (through the real parser)', async () => {
    const { options } = await parseCommandLine('glance', [
      'image-create',
      '--is-public',
      'True',
      '--is-protected',
      'false',
      '--min-disk',
      '2',
      '--property',
      'a=b=c',
      '--os-distro',
      'fedora',
    ]);
    expect(options.fields).toEqual({ os_distro: 'fedora', min_disk: 2, visibility: 'public', protected: false, a: 'b=c' });
  });

  it('rejects disagreeing v1 and v2 spellings', async () => {
    await expect(parseCommandLine('glance', ['image-create', '--is-public', 'True', '--visibility', 'private'])).rejects.toThrow(/disagree/);
  });

  it('patches like warlock: replace existing, add new, remove only present keys not being set', () => {
    const ops = updatePatch(image, {
      fields: { name: 'f20', color: 'red', min_disk: 0 },
      removeProperties: ['os_distro', 'nothing', 'color'],
      purgeProps: false,
    });
    expect(ops).toEqual([
      { op: 'replace', path: '/name', value: 'f20' },
      { op: 'add', path: '/color', value: 'red' },
      { op: 'remove', path: '/os_distro' },
    ]);
  });

  it('--purge-props removes every custom property not given', () => {
    expect(updatePatch(image, { fields: {}, removeProperties: [], purgeProps: true })).toEqual([{ op: 'remove', path: '/os_distro' }]);
  });

  it('schema errors read like glanceclient', () => {
    const schema: ImageSchema = { name: 'image', properties: { min_ram: { type: 'integer', minimum: 0 } }, additionalProperties: { type: 'string' } };
    expect(() => checkSchemaFields(schema, { min_ram: -1 })).toThrow(
      "Unable to set 'min_ram' to -1. Reason: -1 is less than the minimum of 0\n\nFailed validating 'minimum' in schema['properties']['min_ram']:\n    {'minimum': 0, 'type': 'integer'}\n\nOn instance['min_ram']:\n    -1",
    );
    expect(() => checkSchemaFields(schema, { custom: 'ok', min_ram: 5 })).not.toThrow();
  });

  it('a pattern JavaScript cannot read (Python-only syntax) is left to the server, not a JavaScript error', () => {
    const schema: ImageSchema = { name: 'image', properties: { os_distro: { type: 'string', pattern: '^(?P<name>[a-z]+)$' } } };
    expect(() => checkSchemaFields(schema, { os_distro: 'Fedora 19' })).not.toThrow();
    const readable: ImageSchema = { name: 'image', properties: { os_distro: { type: 'string', pattern: '^[a-z]+$' } } };
    expect(() => checkSchemaFields(readable, { os_distro: 'Fedora 19' })).toThrow(/does not match/);
  });
});

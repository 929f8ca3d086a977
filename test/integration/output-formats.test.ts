// -f json|yaml|value|shell|csv and -c on real lists and records from the local cloud: json and yaml
// hold the same values as the grid shows (typed), value/shell/csv are exact.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Image } from '../../src/api/image/images.js';
import { Printer } from '../../src/output/printer.js';
import { dialectStyle } from '../../src/cli/dialect-style.js';
import type { Cell, RecordView } from '../../src/output/views.js';
import { gridRows, runCli } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';
import { makeTestDeps } from '../helpers/deps.js';

const suffix = randomBytes(4).toString('hex');
/** A name that needs quoting in csv and escaping in shell. */
const NAME = `fmt-${suffix} "q", $HOME \`x\``;
const DATA = Buffer.alloc(1000, 7);
let image: Image;

/** What a grid cell shows for a typed value. */
function shown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

async function cli(program: 'glance' | 'keystone', args: string[]) {
  const result = await runCli(program, args, { env: adminEnv() });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

beforeAll(async () => {
  const deps = makeTestDeps();
  const images = (await deps.image()).images;
  image = await images.create({ name: NAME, disk_format: 'qcow2', container_format: 'bare' });
  const session = await deps.session();
  await session.request('image', { method: 'PUT', path: `/v2/images/${image.id}/file`, body: DATA, headers: { 'Content-Type': 'application/octet-stream' } });
  image = await images.get(image.id);
  expect(image.status).toBe('active');
});

afterAll(async () => {
  if (image) await (await makeTestDeps().image()).images.delete(image.id);
});

describe('glance image-list', () => {
  const ours = (rows: string[][]) => rows.filter((row) => row[0] === image.id);

  it('json parses back to what the grid shows, keyed by column, size a number', async () => {
    const grid = gridRows(await cli('glance', ['image-list']));
    const items = JSON.parse(await cli('glance', ['image-list', '-f', 'json'])) as Array<Record<string, unknown>>;
    const header = grid[0]!;
    expect(header).toEqual(['ID', 'Name', 'Disk Format', 'Container Format', 'Size', 'Status']);
    const item = items.find((i) => i.ID === image.id)!;
    expect(Object.keys(item)).toEqual(header);
    expect(header.map((name) => shown(item[name]))).toEqual(ours(grid.slice(1))[0]);
    expect(item.Size).toBe(1000);
    expect(item.Name).toBe(NAME);
    for (const row of grid.slice(1)) expect(items.some((i) => i.ID === row[0])).toBe(true);
  });

  it('yaml holds the same typed values (keys sorted, as PyYAML dumps them)', async () => {
    const text = await cli('glance', ['image-list', '-f', 'yaml']);
    const items = parseYaml(text) as Array<Record<string, unknown>>;
    expect(items.find((i) => i.ID === image.id)).toEqual({
      ID: image.id,
      Name: NAME,
      'Disk Format': 'qcow2',
      'Container Format': 'bare',
      Size: 1000,
      Status: 'active',
    });
    expect(text).toContain(`- Container Format: bare\n  Disk Format: qcow2\n  ID: ${image.id}\n`);
  });

  it('value, csv (each quote mode) are exact', async () => {
    const line = (text: string) => text.split('\n').find((l) => l.includes(image.id));
    expect(line(await cli('glance', ['image-list', '-f', 'value']))).toBe(`${image.id} ${NAME} qcow2 bare 1000 active`);
    const csv = await cli('glance', ['image-list', '-f', 'csv']);
    expect(csv.split('\n')[0]).toBe('"ID","Name","Disk Format","Container Format","Size","Status"');
    expect(line(csv)).toBe(`"${image.id}","fmt-${suffix} ""q"", $HOME \`x\`","qcow2","bare",1000,"active"`);
    expect(line(await cli('glance', ['image-list', '-f', 'csv', '--quote', 'minimal']))).toBe(
      `${image.id},"fmt-${suffix} ""q"", $HOME \`x\`",qcow2,bare,1000,active`,
    );
    expect(line(await cli('glance', ['image-list', '-f', 'csv', '--quote', 'all']))).toBe(
      `"${image.id}","fmt-${suffix} ""q"", $HOME \`x\`","qcow2","bare","1000","active"`,
    );
    expect(line(await cli('glance', ['image-list', '-f', 'csv', '--quote', 'none']))).toBe(
      `${image.id},fmt-${suffix} \\"q\\"\\, $HOME \`x\`,qcow2,bare,1000,active`,
    );
  });

  it('-c picks columns in the order given, in every format', async () => {
    const grid = gridRows(await cli('glance', ['image-list', '-c', 'Size', '-c', 'ID']));
    expect(grid[0]).toEqual(['Size', 'ID']);
    expect(grid).toContainEqual(['1000', image.id]);
    const items = JSON.parse(await cli('glance', ['image-list', '-f', 'json', '-c', 'Size', '-c', 'ID'])) as Array<Record<string, unknown>>;
    expect(items.find((i) => i.ID === image.id)).toEqual({ Size: 1000, ID: image.id });
    expect(Object.keys(items[0]!)).toEqual(['Size', 'ID']);
    expect((await cli('glance', ['image-list', '-f', 'value', '-c', 'ID'])).split('\n')).toContain(image.id);
  });

  it('rejects an unknown column and -f shell for a list as usage errors (exit 2), stdout empty', async () => {
    const unknown = await runCli('glance', ['image-list', '-c', 'Nope'], { env: adminEnv() });
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain("No column 'Nope': choose from ID, Name, Disk Format, Container Format, Size, Status.");
    const shell = await runCli('glance', ['image-list', '-f', 'shell'], { env: adminEnv() });
    expect(shell.code).toBe(2);
    expect(shell.stdout).toBe('');
    expect(shell.stderr).toContain('-f shell prints one item');
  });
});

describe('keystone tenant-list', () => {
  it('json keeps enabled a boolean; --noindent is one line with Python separators', async () => {
    const grid = gridRows(await cli('keystone', ['tenant-list']));
    const items = JSON.parse(await cli('keystone', ['tenant-list', '-f', 'json'])) as Array<Record<string, unknown>>;
    expect(grid.slice(1)).toEqual(items.map((i) => grid[0]!.map((name) => shown(i[name]))));
    expect(items.find((i) => i.name === 'admin')?.enabled).toBe(true);
    const compact = await cli('keystone', ['tenant-list', '-f', 'json', '--noindent']);
    expect(compact).toBe('[' + items.map((i) => `{"id": "${i.id}", "name": "${i.name}", "enabled": ${i.enabled}}`).join(', ') + ']\n');
  });

  it('value and csv are exact', async () => {
    const items = JSON.parse(await cli('keystone', ['tenant-list', '-f', 'json'])) as Array<{ id: string; name: string; enabled: boolean }>;
    expect(await cli('keystone', ['tenant-list', '-f', 'value'])).toBe(items.map((i) => `${i.id} ${i.name} ${shown(i.enabled)}\n`).join(''));
    expect(await cli('keystone', ['tenant-list', '-f', 'csv'])).toBe(
      '"id","name","enabled"\n' + items.map((i) => `"${i.id}","${i.name}",${shown(i.enabled)}\n`).join(''),
    );
  });
});

describe('keystone token-get (a record)', () => {
  it('json, yaml, value, shell and csv carry exactly the grid fields', async () => {
    const grid = gridRows(await cli('keystone', ['token-get']));
    expect(grid[0]).toEqual(['Property', 'Value']);
    const fields = grid.slice(1);
    const record = JSON.parse(await cli('keystone', ['token-get', '-f', 'json'])) as Record<string, string>;
    expect(Object.entries(record)).toEqual(fields);
    expect(parseYaml(await cli('keystone', ['token-get', '-f', 'yaml']))).toEqual(record);
    expect(await cli('keystone', ['token-get', '-f', 'value'])).toBe(fields.map(([, v]) => `${v}\n`).join(''));
    expect(await cli('keystone', ['token-get', '-f', 'shell'])).toBe(fields.map(([k, v]) => `${k}="${v}"\n`).join(''));
    expect(await cli('keystone', ['token-get', '-f', 'shell', '--prefix', 'os_', '-c', 'user_id', '-c', 'id'])).toBe(
      `os_user_id="${record.user_id}"\nos_id="${record.id}"\n`,
    );
    expect(await cli('keystone', ['token-get', '-f', 'csv'])).toBe(
      `"expires","id","tenant_id","user_id"\n"${record.expires}","${record.id}","${record.tenant_id}","${record.user_id}"\n`,
    );
    expect(await cli('keystone', ['token-get', '-f', 'value', '-c', 'user_id', '-c', 'expires'])).toBe(`${record.user_id}\n${record.expires}\n`);
  });
});

describe('a real image record through the printer', () => {
  const view = (): RecordView => ({
    fields: (['id', 'name', 'size', 'protected', 'min_disk', 'tags', 'checksum', 'owner'] as const).map((k) => [k, image[k] as Cell]),
  });
  const printers = new Map<string, Printer>();
  let out = '';
  const print = (format: 'json' | 'yaml' | 'shell', extra: object = {}) => {
    out = '';
    printers.get(JSON.stringify([format, extra]))!.record(view());
    return out;
  };

  beforeAll(async () => {
    for (const [format, extra] of [
      ['json', {}],
      ['json', { noindent: true }],
      ['yaml', {}],
      ['shell', { prefix: 'img_' }],
    ] as const) {
      const printer = new Printer({ write: (t) => void (out += t) }, dialectStyle('glance'), { format, columns: [], ...extra });
      await printer.ready();
      printers.set(JSON.stringify([format, extra]), printer);
    }
  });

  it('json and yaml keep size a number, protected a boolean, tags a list', () => {
    const expected = { id: image.id, name: NAME, size: 1000, protected: false, min_disk: 0, tags: [], checksum: image.checksum, owner: image.owner };
    expect(JSON.parse(print('json'))).toEqual(expected);
    expect(parseYaml(print('yaml'))).toEqual(expected);
    expect(print('yaml')).toContain('size: 1000\nprotected: false\n');
    expect(print('json', { noindent: true })).toContain(`"size": 1000, "protected": false, "min_disk": 0, "tags": [], `);
  });

  it('shell output evaluates in bash to the same values', () => {
    const script = `${print('shell', { prefix: 'img_' })}\nprintf '%s\\n' "$img_name" "$img_size" "$img_protected"`;
    expect(execFileSync('bash', ['--norc', '-c', script], { encoding: 'utf8' })).toBe(`${NAME}\n1000\nFalse\n`);
  });
});

describe('integer-like property names (glance image-show, v2)', () => {
  let id: string | undefined;
  const keysOf = (text: string, line: RegExp) => text.split('\n').flatMap((l) => l.match(line)?.slice(1, 2) ?? []);

  beforeAll(async () => {
    const images = (await makeTestDeps().image()).images;
    id = (await images.create({ name: `fmt-props-${suffix}`, '123': 'x', '7': 'z', zeta: 'y' })).id;
  });

  afterAll(async () => {
    if (id) await (await makeTestDeps().image()).images.delete(id);
  });

  it('json and yaml keep the grid field order (a JS object would put 7 before 123)', async () => {
    const args = ['--os-image-api-version', '2', 'image-show', id!];
    const fields = gridRows(await cli('glance', args))
      .slice(1)
      .map(([name]) => name!);
    expect(fields.slice(0, 2)).toEqual(['123', '7']);
    expect(keysOf(await cli('glance', [...args, '-f', 'json']), /^ {2}"([^"]+)": /)).toEqual(fields);
    expect(keysOf(await cli('glance', [...args, '-f', 'yaml']), /^'?([\w ]+?)'?: /)).toEqual(fields);
    expect(await cli('glance', [...args, '-f', 'json', '--noindent'])).toMatch(/^\{"123": "x", "7": "z", /);
  });
});

// The runbook's glance lines, verbatim, on the local cloud (a small qcow2 stands in for Fedora 19).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { basename, dirname } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridRows } from '../helpers/cli.js';
import { deleteNamed, field, glance, qcow2, unique } from './glance-helpers.js';

const RUNBOOK_ROWS = [
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
];

const names: string[] = [];
const named = (prefix: string): string => {
  const name = unique(prefix);
  names.push(name);
  return name;
};

let server: Server;
let baseUrl: string;
const file = qcow2();

beforeAll(async () => {
  // Serves the qcow2 from 127.0.0.1, as a remote image server would (--location, --copy-from).
  server = createServer((req, res) => {
    const data = readFileSync(file);
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': data.length });
    res.end(req.method === 'HEAD' ? undefined : data);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await deleteNamed(...names);
  server.close();
});

describe('glance image-create, as the runbook types it', () => {
  it('uploads the file and prints the runbook record: same rows, same order, left-aligned', async () => {
    const name = named('fedora-19');
    const res = await glance(['image-create', '--name', name, '--is-public', 'True', '--disk-format', 'qcow2', '--container-format', 'bare', '--file', file]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const rows = gridRows(res.stdout);
    expect(rows[0]).toEqual(['Property', 'Value']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(RUNBOOK_ROWS);
    expect(field(res.stdout, 'checksum')).toBe(createHash('md5').update(readFileSync(file)).digest('hex'));
    expect(field(res.stdout, 'status')).toBe('active');
    expect(field(res.stdout, 'is_public')).toBe('True');
    expect(field(res.stdout, 'deleted')).toBe('False');
    expect(field(res.stdout, 'deleted_at')).toBe('None');
    expect(field(res.stdout, 'size')).toBe(String(readFileSync(file).length));
    expect(field(res.stdout, 'created_at')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    // Left-aligned like the runbook: `| checksum         | 511d… |`
    expect(res.stdout.split('\n')[3]).toMatch(/^\| checksum {9}\| [0-9a-f]{32} {5}\|$/);
    expect(res.stdout.split('\n')[1]).toMatch(/^\| Property {9}\| Value {32}\|$/);
  });

  it('image-list prints the runbook columns, left-aligned, with the new image', async () => {
    const name = named('fedora-19');
    const created = await glance([
      'image-create',
      '--name',
      name,
      '--is-public',
      'True',
      '--disk-format',
      'qcow2',
      '--container-format',
      'bare',
      '--file',
      file,
    ]);
    expect(created.stderr).toBe('');
    const res = await glance(['image-list']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const rows = gridRows(res.stdout);
    expect(rows[0]).toEqual(['ID', 'Name', 'Disk Format', 'Container Format', 'Size', 'Status']);
    expect(rows).toContainEqual([field(created.stdout, 'id'), name, 'qcow2', 'bare', String(readFileSync(file).length), 'active']);
    expect(res.stdout.split('\n')[1]).toMatch(/^\| ID {35}\| Name +\| Disk Format \| Container Format \| Size +\| Status +\|$/);
  });

  it('image-show and image-delete take the name, with the classic messages for none', async () => {
    const name = named('by-name');
    expect((await glance(['image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare'])).code).toBe(0);
    const show = await glance(['image-show', name]);
    expect(show.code).toBe(0);
    expect(field(show.stdout, 'name')).toBe(name);
    expect(field(show.stdout, 'status')).toBe('queued');
    const missing = await glance(['image-show', `${name}-missing`]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`No image with a name or ID of '${name}-missing' exists.\n`);
    const twice = await glance(['image-create', '--name', name]);
    expect(twice.code).toBe(0);
    const ambiguous = await glance(['image-show', name]);
    expect(ambiguous.stderr).toBe(`Multiple image matches found for '${name}', use an ID to be more specific.\n`);
    const del = await glance(['image-delete', field(twice.stdout, 'id')!, `${name}-missing`]);
    expect(del.code).toBe(1);
    expect(del.stderr).toContain(`'${name}-missing'`);
    expect((await glance(['image-delete', name])).code).toBe(0);
    expect((await glance(['image-show', name])).code).toBe(1);
  });

  it('--location adds the URL as the image location', async () => {
    const name = named('located');
    const url = `${baseUrl}/${basename(file)}`;
    const res = await glance(['image-create', '--name', name, '--disk-format', 'qcow2', '--container-format', 'bare', '--location', url]);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const v2 = await glance(['--os-image-api-version', '2', 'image-show', field(res.stdout, 'id')!]);
    expect(v2.stderr).toBe('');
    expect(v2.stdout.replace(/\n\| +\| /g, '')).toContain(url);
  });

  it('--copy-from imports the URL (web-download) and waits until the image is active', async () => {
    const name = named('copied');
    const res = await glance(
      ['image-create', '--name', name, '--disk-format', 'qcow2', '--container-format', 'bare', '--copy-from', `${baseUrl}/${basename(file)}`],
      {},
      undefined,
    );
    expect(res.code).toBe(0);
    expect(field(res.stdout, 'status')).toBe('active');
    expect(field(res.stdout, 'checksum')).toBe(createHash('md5').update(readFileSync(file)).digest('hex'));
  }, 120_000);

  it('--copy-from a URL that fails prints the import failure, exits 1 and leaves no image', async () => {
    const name = named('copy-fails');
    const url = `${baseUrl.replace(/:\d+$/, ':9')}/nothing.qcow2`;
    const res = await glance(['image-create', '--name', name, '--disk-format', 'qcow2', '--container-format', 'bare', '--copy-from', url]);
    expect(res.code).toBe(1);
    // Nothing answers there, so the data could not be inspected first either: one line says so.
    const [uninspected, failure, ...rest] = res.stderr.split('\n');
    expect(uninspected).toBe(
      `${url} was not inspected (Unable to establish connection to ${url}: connection refused (is the service running and the URL right?)): its format and safety are unchecked.`,
    );
    expect(failure).toMatch(/^Copy from .* failed: .*; image [0-9a-f-]{36} was deleted\.$/);
    expect(rest).toEqual(['']);
    const list = await glance(['image-list', '--name', name]);
    expect(gridRows(list.stdout)).toHaveLength(1);
  }, 120_000);

  it('stdin is image data when it is a pipe', async () => {
    const name = named('piped');
    const data = readFileSync(file);
    const res = await glance(['image-create', '--name', name, '--disk-format', 'qcow2', '--container-format', 'bare'], {}, data);
    expect(res.code).toBe(0);
    expect(field(res.stdout, 'size')).toBe(String(data.length));
    expect(dirname(file)).toBeTruthy();
  });

  it('stdin that is /dev/null is not image data (the cron/CI trap)', async () => {
    const name = named('no-data');
    const res = await glance(['image-create', '--name', name]);
    expect(res.code).toBe(0);
    expect(field(res.stdout, 'status')).toBe('queued');
    expect(field(res.stdout, 'size')).toBe('None');
  });
});

// The exit-code contract for bad input: usage errors and bad option values exit 2 with the usage
// line first and one error line naming the flag, the value and what the flag takes, before
// anything is sent (no credentials are set, so any request would fail with exit 1 instead).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';

const CASES: Array<[program: 'glance' | 'keystone', args: string[], error: string]> = [
  ['glance', ['image-list', '--limit', 'abc'], "glance image-list: error: argument --limit: invalid int value: 'abc' (use a whole number, 0 or more)"],
  ['glance', ['image-list', '--limit', '-5'], "glance image-list: error: argument --limit: invalid int value: '-5' (use a whole number, 0 or more)"],
  ['glance', ['image-list', '--page-size', '-1'], "glance image-list: error: argument --page-size: invalid int value: '-1' (use a whole number, 0 or more)"],
  [
    'glance',
    ['image-list', '--size-min', '1e3'],
    "glance image-list: error: argument --size-min: invalid size: '1e3' (use a whole number of bytes, 0 or more, no unit)",
  ],
  [
    'glance',
    ['image-list', '--sort-key', 'bogus'],
    "glance image-list: error: argument --sort-key: invalid choice: 'bogus' (choose from 'name', 'status', 'container_format', 'disk_format', 'size', 'id', 'created_at', 'updated_at')",
  ],
  ['glance', ['image-list', '--sort-dir', 'up'], "glance image-list: error: argument --sort-dir: invalid choice: 'up' (choose from 'asc', 'desc')"],
  [
    'glance',
    ['image-list', '--sort', 'bogus:asc'],
    "glance image-list: error: argument --sort: sort key bogus is not valid: 'bogus:asc' (use one of name, status, container_format, disk_format, size, id, created_at, updated_at)",
  ],
  ['glance', ['image-list', '--hidden', 'perhaps'], "glance image-list: error: argument --hidden: invalid boolean value: 'perhaps' (use True or False)"],
  ['glance', ['image-list', '--property-filter', 'foo'], "glance image-list: error: argument --property-filter: invalid property: 'foo' (use KEY=VALUE)"],
  [
    'glance',
    ['image-show', '--max-column-width', '0', 'x'],
    "glance image-show: error: argument --max-column-width: invalid int value: '0' (use a whole number, 1 or more)",
  ],
  [
    'glance',
    ['image-upload', '--size', '10G', 'x'],
    "glance image-upload: error: argument --size: invalid size: '10G' (use a whole number of bytes, 0 or more, no unit)",
  ],
  [
    'glance',
    ['image-import', '--all-stores', 'maybe', 'x'],
    "glance image-import: error: argument --all-stores: invalid boolean value: 'maybe' (use True or False)",
  ],
];

describe('bad option values are usage errors', () => {
  it.each(CASES)('%s %j', async (program, args, error) => {
    const res = await runCli(program, args, { env: {} });
    expect(res.code).toBe(2);
    const lines = res.stderr.split('\n');
    expect(lines[0]).toBe(
      `usage: ${program} ${args[0]} ${args[0] === 'image-list' ? '[options]' : '[options] <IMAGE' + (args[0] === 'image-import' ? '_ID>' : '>')}`,
    );
    expect(lines[1]).toBe(error);
    expect(lines.slice(2)).toEqual(['']);
    expect(res.stdout).toBe('');
  });

  it('--limit 0 and --page-size 0 mean "not given", as in glanceclient (parsed, then the missing credentials stop it: exit 1)', async () => {
    const res = await runCli('glance', ['image-list', '--limit', '0', '--page-size', '0'], { env: {} });
    expect(res.code).toBe(1);
    expect(res.stderr).not.toMatch(/usage:/);
  });

  it.each([
    [
      ['image-list', '-f', 'bogus'],
      'usage: glance image-list [options]',
      "glance image-list: error: argument --format: invalid choice: 'bogus' (choose from 'table', 'json', 'yaml', 'value', 'shell', 'csv')",
    ],
    [
      ['image-list', '--limit=abc', '--limit', '5'],
      'usage: glance image-list [options]',
      "glance image-list: error: argument --limit: invalid int value: 'abc' (use a whole number, 0 or more)",
    ],
    [
      ['image-list', '--sort', 'name', '--sort-key', 'id'],
      'usage: glance image-list [options]',
      'glance image-list: error: --sort cannot be used with --sort-key or --sort-dir.',
    ],
    [
      ['image-list', '--sort-key', 'name', '--sort-dir', 'asc', '--sort-dir', 'desc'],
      'usage: glance image-list [options]',
      'glance image-list: error: Unexpected number of sort directions: either provide a single sort direction or an equal number of sort keys.',
    ],
    [
      ['--timeout', 'abc', 'image-list'],
      'usage: glance [options] [command]',
      "glance: error: argument --timeout: invalid number of seconds: 'abc' (use a positive number, e.g. 30 or 0.5)",
    ],
  ])('glance %j: the same two lines, exit 2', async (args, usage, error) => {
    const res = await runCli('glance', args, { env: {} });
    expect([res.code, res.stdout]).toEqual([2, '']);
    expect(res.stderr).toBe(`${usage}\n${error}\n`);
  });

  it('help help is help, as in glanceclient', async () => {
    const res = await runCli('glance', ['help', 'help']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Show help for a command');
  });

  it('an argument that is not valid UTF-8 is refused by position, never shown (it may be a password), before anything is sent', () => {
    for (const script of [`"$GLANCE" image-list --name $(printf 'ab\\377')`, `"$GLANCE" --os-password $(printf '\\377secret') image-list`]) {
      const res = spawnSync('sh', ['-c', script], { encoding: 'latin1', env: { PATH: process.env.PATH, GLANCE: join(ROOT, 'bin/glance') } });
      expect(res.status, script).toBe(2);
      expect(res.stderr).toMatch(/^glance: error: argument \d is not valid UTF-8 text; OpenStack names and values are UTF-8\.\n$/);
      expect(res.stderr).not.toContain('secret');
    }
  });

  it('glance with no arguments prints its help on stdout and succeeds, as glanceclient does', async () => {
    const res = await runCli('glance', []);
    expect([res.code, res.stderr]).toEqual([0, '']);
    expect(res.stdout).toMatch(/^Usage: glance \[options\] \[command\]\n/);
    expect(res.stdout).toContain('image-create');
  });
});

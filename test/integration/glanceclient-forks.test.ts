// The tests' fork server must be /usr/bin/glance in all but start-up time: the same output and exit
// code for help, usage errors, a listing, server errors, stdin closed and stdin as image data.
import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { CliResult } from '../helpers/cli.js';
import { runGlanceclient } from '../helpers/python-glance.js';
import { env } from './glance-helpers.js';

function direct(args: readonly string[], extra: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      '/bin/sh',
      ['-c', 'exec /usr/bin/glance "$@" <&-', 'sh', ...args],
      { env: { PATH: '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', ...env(extra) } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

const forked = (args: readonly string[], extra: Record<string, string> = {}, input?: string): Promise<CliResult> =>
  runGlanceclient(args, { PATH: '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', ...env(extra) }, input);

describe('the glanceclient fork server', { timeout: 120_000 }, () => {
  const cases: [string, string[], Record<string, string>][] = [
    ['main help', ['--os-image-api-version', '2', 'help'], {}],
    ['help of a command at 60 columns', ['--os-image-api-version', '2', 'help', 'image-create'], { COLUMNS: '60' }],
    ['a missing positional', ['--os-image-api-version', '2', 'member-get'], {}],
    ['an unknown option', ['--os-image-api-version', '2', 'image-list', '--bogus'], {}],
    ['a listing', ['--os-image-api-version', '2', 'image-list', '--limit', '3'], {}],
    ['a 404', ['--os-image-api-version', '2', 'image-show', '00000000-0000-0000-0000-000000000000'], {}],
    ['the v1 dialect refused', ['--os-image-api-version', '1', 'image-list'], {}],
    // v2/shell.py reads OS_IMAGE_STORE when it is imported: each run's own value must count.
    [
      'an environment default read at import',
      ['--os-image-api-version', '2', 'image-create', '--name', `forks-store-${process.pid}`],
      { OS_IMAGE_STORE: 'cheap' },
    ],
    ['no credentials', ['--os-image-api-version', '2', 'image-list'], { OS_AUTH_URL: '', OS_USERNAME: '' }],
  ];
  for (const [title, args, extra] of cases) {
    it(title, async () => {
      const [a, b] = await Promise.all([direct(args, extra), forked(args, extra)]);
      expect(b).toEqual(a);
    });
  }

  it('stdin closed: image-create without data makes a queued image; with data it uploads it', async () => {
    const name = `forks-${process.pid}`;
    const empty = await forked(['--os-image-api-version', '2', 'image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare']);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toMatch(/\| status +\| queued/);
    const fed = await forked(['--os-image-api-version', '2', 'image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare'], {}, 'abc');
    expect(fed.code, fed.stderr).toBe(0);
    expect(fed.stdout).toMatch(/\| size +\| 3 /);
    for (const out of [empty.stdout, fed.stdout]) {
      const id = /\| id +\| (\S+)/.exec(out)?.[1];
      expect(id).toBeDefined();
      expect((await forked(['--os-image-api-version', '2', 'image-delete', id!])).code).toBe(0);
    }
  });
});

// A closed stdout (`glance image-list >&-`) loses the output: that is a failure (exit 1, one line on
// stderr), as in Python, not a silent exit 0. Node reopens fd 1 on /dev/null before JavaScript runs,
// so the launcher tells; `>/dev/null` (discarding on purpose) stays a success.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_HOME, ROOT } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';

function inShell(script: string) {
  return spawnSync('sh', ['-c', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: CACHE_HOME, GLANCE: join(ROOT, 'bin/glance'), ...adminEnv() },
    timeout: 60_000,
  });
}

describe('a closed stdout', () => {
  it.each([['image-list'], ['--version'], ['help']])('glance %s >&-: exit 1 and says the output was lost', (args) => {
    const res = inShell(`"$GLANCE" ${args} >&-`);
    expect(res.status).toBe(1);
    expect(res.stderr).toBe('glance: the output was lost: stdout is closed (>&-); redirect it to a file, or to /dev/null to discard it.\n');
  });

  it('glance image-list >/dev/null is a success', () => {
    const res = inShell('"$GLANCE" image-list >/dev/null');
    expect([res.status, res.stderr]).toEqual([0, '']);
  });
});

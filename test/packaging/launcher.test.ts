// bin/glance and bin/keystone are shell scripts and JavaScript at once: run as commands, the shell
// part (bin/launcher.sh) notes a closed stdout and runs Node on the same file; `node bin/glance` is
// the JavaScript alone. Both print the same.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_HOME, ROOT } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';

const work = mkdtempSync(join(tmpdir(), 'osc-launcher-'));
const NODE_DIR = dirname(process.execPath);

/** Runs a file under `sh -x` (the trace shows the exec the launcher made) with the cloud's credentials. */
function traced(file: string, args: string[], env: Record<string, string> = {}) {
  const run = spawnSync('/bin/sh', ['-x', file, ...args], {
    encoding: 'utf8',
    env: { PATH: `${NODE_DIR}:/usr/bin:/bin`, HOME: process.env.HOME!, XDG_CACHE_HOME: CACHE_HOME, ...adminEnv(), ...env },
    cwd: work,
    timeout: 60_000,
  });
  const exec =
    run.stderr
      .split('\n')
      .filter((l) => l.startsWith('+ exec '))
      .pop() ?? '';
  return {
    status: run.status,
    stdout: run.stdout,
    exec,
    stderr: run.stderr
      .split('\n')
      .filter((l) => !l.startsWith('+ '))
      .join('\n'),
  };
}

function plain(command: string, args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', command), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH!, HOME: process.env.HOME!, XDG_CACHE_HOME: CACHE_HOME, ...adminEnv() },
    cwd: work,
  });
}

beforeAll(() => {
  spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'ignore' });
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('launcher', () => {
  it('runs node on itself and prints what node bin/glance prints', () => {
    for (const [command, args] of [
      // A name no image has: other tests add and delete images on the shared cloud meanwhile.
      ['glance', ['image-list', '--name', 'no-such-image-at-all']],
      ['glance', ['--os-image-api-version', '2', 'image-list', '--property-filter', 'name=no-such-image-at-all']],
      ['keystone', ['tenant-list']],
      ['glance', ['--help']],
      ['keystone', ['user-list', '-f', 'json']],
    ] as const) {
      const launched = traced(join(ROOT, 'bin', command), [...args]);
      expect(launched.exec).toBe(`+ exec node ${join(ROOT, 'bin', command)} ${args.join(' ')}`);
      expect(launched.status).toBe(0);
      const direct = plain(command, [...args]);
      expect(launched.stdout).toBe(direct.stdout);
      expect(launched.stderr).toBe(direct.stderr);
    }
  });

  it('passes errors and exit codes through unchanged', () => {
    const launched = traced(join(ROOT, 'bin/glance'), ['image-show', 'no-such-image-name-at-all']);
    const direct = plain('glance', ['image-show', 'no-such-image-name-at-all']);
    expect(launched.status).toBe(1);
    expect([launched.status, launched.stdout, launched.stderr]).toEqual([direct.status, direct.stdout, direct.stderr]);
    expect(traced(join(ROOT, 'bin/keystone'), ['tenant-lsit']).status).toBe(2);
  });

  it('follows a symlink to itself, as npm installs it', () => {
    mkdirSync(join(work, 'links'));
    symlinkSync(join(ROOT, 'bin/glance'), join(work, 'links/glance'));
    const run = traced(join(work, 'links/glance'), ['--version']);
    expect(run.exec).toBe(`+ exec node ${join(ROOT, 'bin/glance')} --version`);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('says so in one line when there is no node on PATH', () => {
    const run = traced(join(ROOT, 'bin/glance'), ['image-list'], { PATH: '/nonexistent' });
    expect(run.status).toBe(127);
    expect(run.stderr.trim()).toBe('glance: node is not on PATH: install Node.js 20.20 or later');
  });
});

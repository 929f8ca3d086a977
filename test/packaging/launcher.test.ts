// bin/glance and bin/keystone are shell scripts and JavaScript at once: run as commands they start
// Node from the V8 start-up snapshot when the Node on PATH built it, and fall back to the plain
// JavaScript otherwise; `node bin/glance` is the plain JavaScript. Every path prints the same.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_HOME, ROOT } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';

const work = mkdtempSync(join(tmpdir(), 'osc-launcher-'));
const NODE_DIR = dirname(process.execPath);

/** Runs a file under `sh -x` (the trace shows which exec the launcher chose) with the cloud's credentials. */
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

/** A copy of bin/ and dist/ whose snapshot can be made stale without touching the repository's. */
function copyOfTree(name: string): string {
  const root = join(work, name);
  mkdirSync(root);
  cpSync(join(ROOT, 'bin'), join(root, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(root, 'dist'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  return root;
}

beforeAll(() => {
  spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'ignore' });
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('launcher', () => {
  it('starts from the snapshot and prints what the plain JavaScript prints', () => {
    for (const [command, args] of [
      ['glance', ['image-list']],
      ['glance', ['--os-image-api-version', '2', 'image-list']],
      ['keystone', ['tenant-list']],
      ['glance', ['--help']],
      ['keystone', ['user-list', '-f', 'json']],
    ] as const) {
      const fast = traced(join(ROOT, 'bin', command), [...args]);
      expect(fast.exec).toContain(`--snapshot-blob ${join(ROOT, 'bin')}/../dist/snapshot/cli.blob ${command} `);
      expect(fast.status).toBe(0);
      const slow = plain(command, [...args]);
      expect(fast.stdout).toBe(slow.stdout);
      expect(fast.stderr).toBe(slow.stderr);
    }
  });

  it('passes errors and exit codes through unchanged', () => {
    const fast = traced(join(ROOT, 'bin/glance'), ['image-show', 'no-such-image-name-at-all']);
    const slow = plain('glance', ['image-show', 'no-such-image-name-at-all']);
    expect(fast.status).toBe(1);
    expect([fast.status, fast.stdout, fast.stderr]).toEqual([slow.status, slow.stdout, slow.stderr]);
    expect(traced(join(ROOT, 'bin/keystone'), ['tenant-lsit']).status).toBe(2);
  });

  it('follows a symlink to itself, as npm installs it', () => {
    mkdirSync(join(work, 'links'));
    symlinkSync(join(ROOT, 'bin/glance'), join(work, 'links/glance'));
    const run = traced(join(work, 'links/glance'), ['--version']);
    expect(run.exec).toContain('--snapshot-blob');
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('falls back to the plain JavaScript when the snapshot is older than the Node binary', () => {
    const root = copyOfTree('stale');
    utimesSync(join(root, 'dist/snapshot/cli.blob'), new Date('2000-01-01'), new Date('2000-01-01'));
    const run = traced(join(root, 'bin/glance'), ['image-list']);
    expect(run.exec).not.toContain('--snapshot-blob');
    expect(run.exec).toMatch(/exec \S+node \S+\/bin\/glance image-list$/);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(plain('glance', ['image-list']).stdout);
  });

  it('falls back when another Node built the snapshot, or none did', () => {
    const root = copyOfTree('other-node');
    writeFileSync(join(root, 'dist/snapshot/node'), '/opt/some/other/node\n');
    expect(traced(join(root, 'bin/keystone'), ['--version']).exec).not.toContain('--snapshot-blob');
    rmSync(join(root, 'dist/snapshot'), { recursive: true });
    const run = traced(join(root, 'bin/keystone'), ['tenant-list']);
    expect(run.exec).not.toContain('--snapshot-blob');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\|\s+admin\s+\|/);
  });

  it('runs the plain JavaScript when NODE_OPTIONS is set (its V8 flags would stop the snapshot from loading)', () => {
    const run = traced(join(ROOT, 'bin/glance'), ['image-list'], { NODE_OPTIONS: '--max-old-space-size=200' });
    expect(run.status).toBe(0);
    expect(run.exec).toMatch(/^\+ exec \S+node \S+\/bin\/glance image-list$/);
    expect(run.stdout).toBe(plain('glance', ['image-list']).stdout);
  });

  it('says so in one line when there is no node on PATH', () => {
    const run = traced(join(ROOT, 'bin/glance'), ['image-list'], { PATH: '/nonexistent' });
    expect(run.status).toBe(127);
    expect(run.stderr.trim()).toBe('glance: node is not on PATH: install Node.js 20.20 or later');
  });

  it("a snapshot run sees this run's environment and directory, not the build's", () => {
    const dir = join(work, 'cwd');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'clouds.yaml'),
      'clouds:\n  here:\n    auth:\n      auth_url: http://127.0.0.1:1/v3\n      username: u\n      password: p\n      project_name: p\n',
    );
    const run = spawnSync(join(ROOT, 'bin/glance'), ['--os-cloud', 'here', 'image-list'], {
      encoding: 'utf8',
      cwd: dir,
      env: { PATH: process.env.PATH!, HOME: dir, XDG_CACHE_HOME: CACHE_HOME },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('127.0.0.1:1');
  });
});

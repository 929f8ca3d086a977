// The npm package (npm pack → npm install -g on a clean prefix) and the single executable
// (npm run build:sea) both work as glance and keystone against the local cloud.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, CACHE_HOME } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';

const VERSION = JSON.parse(execFileSync('npm', ['pkg', 'get', 'version'], { cwd: ROOT, encoding: 'utf8' })) as string;
const work = mkdtempSync(join(tmpdir(), 'osc-pack-'));

/** Runs an installed program with only the cloud's credentials (no PATH entry to this repo). */
function run(file: string, args: string[]) {
  return spawnSync(file, args, {
    encoding: 'utf8',
    env: { PATH: '/usr/bin:/bin', HOME: process.env.HOME!, XDG_CACHE_HOME: CACHE_HOME, ...adminEnv() },
    cwd: work,
    timeout: 60_000,
  });
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm package', () => {
  let files: string[] = [];
  let prefix = '';

  beforeAll(() => {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'ignore' });
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    ) as Array<{ filename: string; files: Array<{ path: string }> }>;
    files = packed[0]!.files.map((f) => f.path);
    prefix = join(work, 'prefix');
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', join(work, packed[0]!.filename)], {
      stdio: 'ignore',
      timeout: 300_000,
    });
  }, 320_000);

  it('holds only the allow-listed files: no sources, tests or scripts', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'bin/glance',
        'bin/keystone',
        'bin/package.json',
        'dist/entry.cjs',
        'completions/glance.bash',
        'completions/_keystone',
        'completions/glance.fish',
      ]),
    );
    for (const file of files)
      expect(file).toMatch(/^(package\.json|README\.md|LICENSE|bin\/(glance|keystone|launcher\.sh|package\.json)|dist\/[^/]+\.cjs|completions\/[^/]+)$/);
  });

  it('installed on a clean prefix, provides glance and keystone that reach the local cloud', () => {
    const version = run(join(prefix, 'bin/glance'), ['--version']);
    expect(version.stderr).toBe('');
    expect(version.stdout).toBe(`${VERSION}\n`);
    const tenants = run(join(prefix, 'bin/keystone'), ['tenant-list']);
    expect(tenants.stderr).toBe('');
    expect(tenants.status).toBe(0);
    expect(tenants.stdout).toMatch(/^\+-+\+-+\+-+\+\n\|\s+id\s+\|\s+name\s+\|\s+enabled\s+\|\n/);
    expect(tenants.stdout).toMatch(/\|\s+admin\s+\|\s+True\s+\|/);
  });
});

describe('single executable', () => {
  const dir = join(ROOT, 'dist-sea');

  beforeAll(() => {
    execFileSync('npm', ['run', '--silent', 'build:sea'], { cwd: ROOT, stdio: 'ignore', timeout: 300_000 });
  }, 320_000);

  it('is one file with glance and keystone symlinks to it', () => {
    expect(lstatSync(join(dir, 'openstack-classic')).isFile()).toBe(true);
    for (const name of ['glance', 'keystone']) expect(readlinkSync(join(dir, name))).toBe('openstack-classic');
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
  });

  it('runs glance image-list and keystone token-get by the name it is invoked under', () => {
    const images = run(join(dir, 'glance'), ['image-list']);
    expect(images.stderr).toBe('');
    expect(images.status).toBe(0);
    expect(images.stdout.split('\n')[1]).toMatch(/^\| ID\s+\| Name\s+\| Disk Format \| Container Format \| Size\s+\| Status\s+\|$/);
    const token = run(join(dir, 'keystone'), ['token-get', '-f', 'json']);
    expect(token.status).toBe(0);
    expect(Object.keys(JSON.parse(token.stdout) as object)).toEqual(['expires', 'id', 'tenant_id', 'user_id']);
  });

  it('keeps the CLI behaviour: version, usage errors with exit 2, and a hint when run under its own name', () => {
    expect(run(join(dir, 'keystone'), ['--version']).stdout).toBe(`${VERSION}\n`);
    const typo = run(join(dir, 'glance'), ['image-lsit']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('Did you mean image-list?');
    const bare = run(join(dir, 'openstack-classic'), []);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('run me as glance or keystone');
    expect(run(join(dir, 'openstack-classic'), ['glance', '--version']).stdout).toBe(`${VERSION}\n`);
  });
});

// scripts/local-cloud.sh on a machine it has not run on: installing the packages writes its log under
// the state directory before the state exists, and `up` must still take that directory (it refused
// it as foreign, so `npm test` failed on every fresh machine). A directory holding anything else is
// still refused. Runs a second, bare cloud on ports of its own and removes it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const base = mkdtempSync('/var/tmp/osc-fresh-state-');

function localCloud(state: string, ...args: string[]) {
  return spawnSync('bash', [join(ROOT, 'scripts/local-cloud.sh'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOCAL_CLOUD_DIR: state, KEYSTONE_PORT: '5431', GLANCE_PORT: '9531' },
    timeout: 300_000,
  });
}

afterAll(() => {
  localCloud(join(base, 'fresh'), 'down');
  rmSync(base, { recursive: true, force: true });
});

describe('local-cloud.sh up on a fresh machine', () => {
  it('takes a state directory that holds only the package install log', () => {
    const state = join(base, 'fresh');
    mkdirSync(join(state, 'logs'), { recursive: true });
    writeFileSync(join(state, 'logs', 'apt.log'), 'Setting up python3-glance ...\n');
    const up = localCloud(state, 'up', '--bare');
    expect(up.status, up.stderr + up.stdout).toBe(0);
    expect(up.stdout + up.stderr).toMatch(/up in .*keystone http:\/\/127\.0\.0\.1:5431\/v3/);
  });

  it('still refuses a directory that holds something else', () => {
    const state = join(base, 'foreign');
    mkdirSync(join(state, 'logs'), { recursive: true });
    writeFileSync(join(state, 'notes.txt'), 'mine\n');
    const up = localCloud(state, 'up', '--bare');
    expect(up.status).not.toBe(0);
    expect(up.stderr).toContain('is not empty and is not a local-cloud state directory');
  });
});

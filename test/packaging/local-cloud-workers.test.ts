// scripts/local-cloud.sh's production-shaped Glance (GLANCE_WORKERS=2 GLANCE_DATABASE=postgresql), the
// cloud the seed bench runs on: a private PostgreSQL cluster under the state directory, two Glance
// worker processes, image-seed uploading in parallel through them, and down/reset leaving no process
// and no files. Workers on SQLite are refused before any state is made. Ports of its own.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const base = mkdtempSync('/var/tmp/osc-workers-');
chmodSync(base, 0o711); // PostgreSQL runs as user postgres, who must reach the state directory
const state = join(base, 'cloud');

function localCloud(dir: string, settings: Record<string, string>, ...args: string[]) {
  return spawnSync('bash', [join(ROOT, 'scripts/local-cloud.sh'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOCAL_CLOUD_DIR: dir, KEYSTONE_PORT: '5433', GLANCE_PORT: '9533', ...settings },
    timeout: 300_000,
  });
}

/** Live processes whose command line names the state directory (Glance's, PostgreSQL's). */
function processesOf(dir: string): string[] {
  const ps = spawnSync('ps', ['-ww', '-eo', 'args='], { encoding: 'utf8' });
  return ps.stdout.split('\n').filter((line) => line.includes(dir));
}

afterAll(() => {
  localCloud(state, {}, 'down');
  rmSync(base, { recursive: true, force: true });
});

describe('local-cloud.sh with Glance workers on PostgreSQL', () => {
  it('refuses workers on SQLite before making any state', () => {
    const dir = join(base, 'sqlite');
    const up = localCloud(dir, { GLANCE_WORKERS: '2' }, 'up');
    expect(up.status).toBe(1);
    expect(up.stderr).toContain('GLANCE_WORKERS=2 needs GLANCE_DATABASE=postgresql');
    expect(existsSync(dir)).toBe(false);
    const bad = localCloud(dir, { GLANCE_DATABASE: 'mysql' }, 'up');
    expect(bad.stderr).toContain('bad GLANCE_DATABASE: mysql (sqlite or postgresql)');
  });

  it('runs two Glance workers on a private PostgreSQL, and image-seed uploads through them', async () => {
    const up = localCloud(state, { GLANCE_WORKERS: '2', GLANCE_DATABASE: 'postgresql' }, 'up');
    expect(up.status, up.stderr + up.stdout).toBe(0);
    expect(readFileSync(join(state, 'glance', 'glance-api.conf'), 'utf8')).toMatch(/^workers = 2$/m);
    const glances = processesOf(state).filter((line) => line.includes('bin/glance-api'));
    expect(glances).toHaveLength(3); // the parent and its two workers
    expect(processesOf(state).some((line) => line.includes('postgres'))).toBe(true);
    const status = localCloud(state, {}, 'status');
    expect(status.stdout).toContain('postgresql: running');

    const info = JSON.parse(readFileSync(join(state, 'cloud.json'), 'utf8'));
    const env = { OS_USERNAME: info.admin_user, OS_PASSWORD: info.admin_password, OS_AUTH_URL: info.keystone_url, OS_TENANT_NAME: info.admin_project };
    const manifest = join(base, 'images.yaml');
    const entries = [0, 1, 2, 3].map((i) => {
      writeFileSync(join(base, `disk-${i}.raw`), Buffer.alloc(4 << 20, i + 1));
      return `  - {name: workers-${i}, file: disk-${i}.raw, disk_format: raw}`;
    });
    writeFileSync(manifest, `images:\n${entries.join('\n')}\n`);
    const seeded = await runCli('glance', ['image-seed', manifest, '--parallel', '4', '-f', 'json'], { env, timeoutMs: 120_000 });
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(JSON.parse(seeded.stdout).map((row: { Action: string }) => row.Action)).toEqual(['created', 'created', 'created', 'created']);
    const again = await runCli('glance', ['image-seed', manifest, '-f', 'json'], { env, timeoutMs: 120_000 });
    expect(JSON.parse(again.stdout).map((row: { Action: string }) => row.Action)).toEqual(['reused', 'reused', 'reused', 'reused']);
  });

  it('stops PostgreSQL with the services, and reset removes everything', () => {
    expect(localCloud(state, {}, 'down').status).toBe(0);
    expect(processesOf(state)).toEqual([]);
    expect(localCloud(state, {}, 'status').stdout).toContain('postgresql: stopped');
    expect(localCloud(state, {}, 'reset').status).toBe(0);
    expect(existsSync(state)).toBe(false);
  });
});

// A cached command's first request sent as the process starts (src/session/early-request.ts), on
// the real cloud: the second run of a command asks Glance once, as the first did, and prints the
// same; what is remembered holds no secret. Glance's own request log counts the requests.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { adminEnv, cloud, STATE_DIR } from '../helpers/cloud.js';

const GLANCE_LOG = join(STATE_DIR, 'logs', 'glance-api.log');

/** Requests Glance has logged for an image-list --name NAME. */
const listsOf = (name: string): number => readFileSync(GLANCE_LOG, 'utf8').split(`"GET /v2/images?name=${name}&`).length - 1;

function privateCache(): { env: Record<string, string>; tokens: string } {
  const home = mkdtempSync(join(tmpdir(), 'osc-early-'));
  return { env: adminEnv({ XDG_CACHE_HOME: home }), tokens: join(home, 'openstack-classic-cli', 'tokens') };
}

describe('a cached command sends its first request as it starts', () => {
  it('glance image-list: the second run asks Glance once and prints what the first printed', async () => {
    const { env, tokens } = privateCache();
    const name = `early-${process.pid}-${Date.now()}`;
    const first = await runCli('glance', ['image-list', '--name', name], { env });
    expect(first.code).toBe(0);
    expect(listsOf(name)).toBe(1);
    const records = readdirSync(tokens).filter((file) => file.startsWith('early-'));
    expect(records).toHaveLength(1);
    const record = join(tokens, records[0]!);
    expect(statSync(record).mode & 0o777).toBe(0o600);
    const text = readFileSync(record, 'utf8');
    expect(text).not.toContain(cloud().admin_password);
    const token = JSON.parse(readFileSync(join(tokens, readdirSync(tokens).find((file) => !file.startsWith('early-'))!), 'utf8')).token;
    expect(text).not.toContain(token);
    for (const run of [2, 3]) {
      const again = await runCli('glance', ['image-list', '--name', name], { env });
      expect([again.code, again.stdout, again.stderr]).toEqual([0, first.stdout, first.stderr]);
      expect(listsOf(name)).toBe(run);
    }
  });

  it('keystone tenant-list and the v2 dialect too, each remembered under its own command line', async () => {
    const { env, tokens } = privateCache();
    const runs = [
      ['keystone', ['tenant-list']],
      ['glance', ['--os-image-api-version', '2', 'image-list', '--property-filter', `name=early-none-${process.pid}`]],
    ] as const;
    for (const [command, args] of runs) {
      const first = await runCli(command, args, { env });
      const second = await runCli(command, args, { env });
      expect(first.code).toBe(0);
      expect([second.code, second.stdout, second.stderr]).toEqual([0, first.stdout, first.stderr]);
    }
    expect(readdirSync(tokens).filter((file) => file.startsWith('early-'))).toHaveLength(2);
  });
});

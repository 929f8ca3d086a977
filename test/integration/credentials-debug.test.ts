// --debug over a whole session of commands: every request is traced, and no password,
// application credential secret or token appears anywhere in it.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridRows, runCli, type CliResult } from '../helpers/cli.js';
import { adminEnv, cloud } from '../helpers/cloud.js';
import { createAppCredential, issueAdminToken, revokeToken, type AppCredential } from '../helpers/keystone-admin.js';
import { runInPty } from '../helpers/pty.js';

const cacheHome = mkdtempSync(join(tmpdir(), 'osc-debug-cache-'));
const tokensDir = join(cacheHome, 'openstack-classic-cli', 'tokens');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('--debug never shows a secret', () => {
  let appCred: AppCredential;
  const traces: string[] = [];
  const tokens = new Set<string>();

  /** Every token the CLI holds right now (the cache) goes on the list of things the trace must not contain. */
  const collectCachedTokens = (): void => {
    for (const file of readdirSync(tokensDir)) tokens.add((JSON.parse(readFileSync(join(tokensDir, file), 'utf8')) as { token: string }).token);
  };
  const run = async (command: 'glance' | 'keystone', args: string[], env: Record<string, string>): Promise<CliResult> => {
    const r = await runCli(command, ['--debug', ...args], { env: { XDG_CACHE_HOME: cacheHome, ...env } });
    traces.push(r.stderr);
    return r;
  };

  const expectExit = (r: CliResult, code: number): void => expect(r.code, r.stderr.slice(-400)).toBe(code);

  beforeAll(async () => {
    appCred = await createAppCredential(`osc-debug-${randomBytes(4).toString('hex')}`);
  });
  afterAll(async () => appCred?.remove());

  it('runs a session of password, cached, refreshed, revoked, token, token-mode, app-credential and failed logins', async () => {
    const c = cloud();
    expectExit(await run('keystone', ['tenant-list'], adminEnv()), 0);
    expectExit(await run('glance', ['image-list'], adminEnv()), 0);
    expectExit(await run('glance', ['--force-new-token', 'image-list'], adminEnv()), 0);
    collectCachedTokens();
    const got = await run('keystone', ['token-get'], adminEnv());
    const current = Object.fromEntries(gridRows(got.stdout).map(([k, v]) => [k, v])).id!;
    tokens.add(current);
    await revokeToken(current);
    expectExit(await run('glance', ['image-list'], adminEnv()), 0); // one re-authentication
    collectCachedTokens();
    expectExit(await run('keystone', ['tenant-list'], adminEnv({ OS_PASSWORD: c.admin_password + 'x' })), 1);
    const { token } = await issueAdminToken();
    tokens.add(token);
    expectExit(await run('keystone', ['tenant-list'], { OS_AUTH_URL: c.keystone_url, OS_TOKEN: token, OS_PROJECT_NAME: c.admin_project }), 0);
    expectExit(await run('glance', ['--os-image-url', c.glance_url, 'image-list'], { OS_AUTH_TOKEN: token }), 0);
    expectExit(await run('keystone', ['tenant-list'], { OS_SERVICE_TOKEN: c.admin_token, OS_SERVICE_ENDPOINT: c.keystone_url }), 0);
    expectExit(
      await run('keystone', ['tenant-list'], {
        OS_AUTH_URL: c.keystone_url,
        OS_APPLICATION_CREDENTIAL_ID: appCred.id,
        OS_APPLICATION_CREDENTIAL_SECRET: appCred.secret,
      }),
      0,
    );
    collectCachedTokens();

    const rc = join(mkdtempSync(join(tmpdir(), 'osc-debug-rc-')), 'openrc');
    writeFileSync(
      rc,
      `export OS_AUTH_URL=${c.keystone_url}\nexport OS_USERNAME=${c.admin_user}\nexport OS_PROJECT_NAME=${c.admin_project}\nread -sr OS_PASSWORD_INPUT\nexport OS_PASSWORD=$OS_PASSWORD_INPUT\n`,
    );
    const pty = await runInPty('keystone', ['--debug', '--os-rc', rc, '--force-new-token', 'tenant-list'], {
      env: { XDG_CACHE_HOME: cacheHome },
      answers: [{ after: 'OS Password: ', send: c.admin_password + '\r' }],
    });
    expect(pty.code, pty.stdout.slice(-400)).toBe(0);
    traces.push(pty.stdout);
    collectCachedTokens();

    const all = traces.join('\n');
    // The trace is really there: requests, statuses, timings, headers, redacted bodies.
    expect(all).toMatch(/^REQ: curl -g -i -X POST \S+\/auth\/tokens /m);
    expect(all).toMatch(/^RESP: \[201\] POST \S+\/auth\/tokens \d+ms$/m);
    expect(all).toMatch(/^RESP: \[401\] /m);
    expect(all).toMatch(/^ {2}x-subject-token: \{SHA256\}[0-9a-f]{64}$/m);
    expect(all).toContain('"password":"***"');
    expect(all).toContain('"secret":"***"');
    expect(all).toContain('"token":{"id":"***"}');
    expect(all).toContain(`X-Auth-Token: {SHA256}${sha256(current)}`);
    expect(all).toContain(`X-Auth-Token: {SHA256}${sha256(c.admin_token)}`);
    // ... and no secret in clear.
    expect(tokens.size).toBeGreaterThanOrEqual(5);
    for (const secret of [c.admin_password, c.admin_token, appCred.secret, ...tokens]) {
      expect(all.includes(secret), `a secret (${secret.slice(0, 4)}…) appears in the --debug output`).toBe(false);
    }
  });
});

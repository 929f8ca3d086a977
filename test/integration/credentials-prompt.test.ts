// Password prompts at a real terminal (a pty from util-linux `script`).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridRows, runCli } from '../helpers/cli.js';
import { adminEnv, cloud } from '../helpers/cloud.js';
import { runInPty } from '../helpers/pty.js';

/** Horizon's "OpenStack RC File" as downloaded from the dashboard (v3 flavour). */
function horizonOpenrc(): string {
  const c = cloud();
  const path = join(mkdtempSync(join(tmpdir(), 'osc-openrc-')), 'admin-openrc.sh');
  writeFileSync(
    path,
    `#!/usr/bin/env bash
# To use an OpenStack cloud you need to authenticate against the Identity
# service named keystone, which returns a **Token** and **Service Catalog**.
export OS_AUTH_URL=${c.keystone_url}
export OS_PROJECT_NAME="${c.admin_project}"
export OS_USER_DOMAIN_NAME="Default"
if [ -z "$OS_USER_DOMAIN_NAME" ]; then unset OS_USER_DOMAIN_NAME; fi
export OS_PROJECT_DOMAIN_ID="default"
if [ -z "$OS_PROJECT_DOMAIN_ID" ]; then unset OS_PROJECT_DOMAIN_ID; fi
# unset v2.0 items in case set
unset OS_TENANT_ID
unset OS_TENANT_NAME
export OS_USERNAME="${c.admin_user}"
# With Keystone you pass the keystone password.
echo "Please enter your OpenStack Password for project $OS_PROJECT_NAME as user $OS_USERNAME: "
read -sr OS_PASSWORD_INPUT
export OS_PASSWORD=$OS_PASSWORD_INPUT
export OS_REGION_NAME="${c.region}"
if [ -z "$OS_REGION_NAME" ]; then unset OS_REGION_NAME; fi
export OS_INTERFACE=public
export OS_IDENTITY_API_VERSION=3
`,
  );
  return path;
}

describe('password prompts', () => {
  it("Horizon's openrc asks `OS Password: ` at the terminal, without echo, and the command runs", async () => {
    const c = cloud();
    const r = await runInPty('keystone', ['--os-rc', horizonOpenrc(), 'tenant-list'], { answers: [{ after: 'OS Password: ', send: c.admin_password + '\r' }] });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('OS Password: ')).toBe(true);
    expect(r.stdout).not.toContain(c.admin_password);
    expect(gridRows(r.stdout).map((row) => row[1])).toContain(c.admin_project);
  });

  it("Horizon's openrc without a terminal fails with a clear message", async () => {
    const r = await runCli('keystone', ['--os-rc', horizonOpenrc(), 'tenant-list'], { env: {} });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'Missing credentials: a password (the rc file reads it at a terminal and there is none: pass --os-password or set OS_PASSWORD). Source your keystonerc, pass --os-rc FILE, or use --os-cloud.\n',
    );
  });

  it("Horizon's openrc takes a password already in the environment, for scripts", async () => {
    const r = await runCli('keystone', ['--os-rc', horizonOpenrc(), 'tenant-list'], { env: { OS_PASSWORD: cloud().admin_password } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('Ctrl-C at the password prompt stops with exit 130 and sends nothing', async () => {
    const env = { ...adminEnv(), OS_PASSWORD: '' };
    const r = await runInPty('keystone', ['--debug', 'tenant-list'], { env, answers: [{ after: 'OS Password: ', send: '\u0003' }] });
    expect(r.code).toBe(130);
    expect(r.stdout).not.toContain('REQ:');
  });

  it('a missing password at a terminal prompts `OS Password: ` (glance), a wrong one is refused', async () => {
    const env = adminEnv();
    delete (env as Record<string, string | undefined>).OS_PASSWORD;
    const ok = await runInPty('glance', ['image-list'], { env, answers: [{ after: 'OS Password: ', send: cloud().admin_password + '\r' }] });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^OS Password: \n\+-+\+/);
    const wrong = await runInPty('glance', ['image-list'], { env, answers: [{ after: 'OS Password: ', send: 'not-it\r' }] });
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toBe('OS Password: \nInvalid OpenStack Identity credentials.\n');
  });
});

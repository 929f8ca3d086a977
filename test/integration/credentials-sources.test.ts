// Every place admins keep credentials, against the real local cloud.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridRows, runCli } from '../helpers/cli.js';
import { adminEnv, cloud } from '../helpers/cloud.js';
import { createAppCredential, issueAdminToken, type AppCredential } from '../helpers/keystone-admin.js';

const scratch = mkdtempSync(join(tmpdir(), 'osc-cred-'));
const keystoneRoot = () => cloud().keystone_url.replace(/\/v3$/, '');

/** The project names a tenant-list printed (fails loudly on anything but a grid). */
function tenantNames(stdout: string): string[] {
  const rows = gridRows(stdout);
  expect(rows[0]).toEqual(['id', 'name', 'enabled']);
  return rows.slice(1).map((r) => r[1]!);
}

async function expectTenantList(args: string[], env: Record<string, string>, extra: { cwd?: string } = {}): Promise<void> {
  const r = await runCli('keystone', [...args, 'tenant-list'], { env, cwd: extra.cwd });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(tenantNames(r.stdout)).toContain(cloud().admin_project);
}

describe('credential sources', () => {
  it('a sourced keystonerc (OS_* environment)', async () => {
    await expectTenantList([], adminEnv());
    const r = await runCli('glance', ['image-list'], { env: adminEnv() });
    expect(r.stderr).toBe('');
    expect(gridRows(r.stdout)[0]).toEqual(['ID', 'Name', 'Disk Format', 'Container Format', 'Size', 'Status']);
  });

  it('--os-rc with a packstack-style keystonerc_admin (v2.0 URL, OS_TENANT_NAME, PS1, unset)', async () => {
    const c = cloud();
    const rc = join(scratch, 'keystonerc_admin');
    writeFileSync(
      rc,
      [
        'unset OS_SERVICE_TOKEN',
        `    export OS_USERNAME=${c.admin_user}`,
        `    export OS_PASSWORD='${c.admin_password}'`,
        `    export OS_AUTH_URL=${keystoneRoot()}/v2.0/`,
        "    export PS1='[\\u@\\h \\W(keystone_admin)]\\$ '",
        '',
        `export OS_TENANT_NAME=${c.admin_project}`,
        `export OS_REGION_NAME=${c.region}`,
      ].join('\n') + '\n',
    );
    // The rc file beats the environment: a wrong user or a stale service token in the shell does not matter.
    await expectTenantList(['--os-rc', rc], { OS_USERNAME: 'nobody', OS_PROJECT_NAME: 'nowhere', OS_SERVICE_TOKEN: 'stale' });
    const r = await runCli('glance', ['--os-rc', rc, 'image-list'], { env: {} });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('an unversioned auth URL is discovered to v3 (--debug shows the version document request)', async () => {
    const r = await runCli('keystone', ['--debug', 'tenant-list'], { env: adminEnv({ OS_AUTH_URL: keystoneRoot() }) });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`REQ: curl -g -i -X GET ${keystoneRoot()}/ `);
    expect(r.stderr).toContain(`POST ${keystoneRoot()}/v3/auth/tokens`);
  });

  it('an rc line it cannot understand is an error naming file and line, before any request', async () => {
    const rc = join(scratch, 'broken-rc');
    writeFileSync(rc, `export OS_USERNAME=admin\nsource /etc/openstack/extra\n`);
    const r = await runCli('keystone', ['--os-rc', rc, 'tenant-list'], { env: {} });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${rc}:2: cannot understand 'source /etc/openstack/extra': a credentials file may only set (export NAME=value), unset or read variables.\n`,
    );
  });

  it('flags only, including the classic underscore spellings', async () => {
    const c = cloud();
    await expectTenantList(
      ['--os-username', c.admin_user, '--os-password', c.admin_password, '--os-tenant-name', c.admin_project, '--os-auth-url', c.keystone_url],
      {},
    );
    await expectTenantList(
      [`--os_username=${c.admin_user}`, '--os_password', c.admin_password, '--os_tenant_name', c.admin_project, '--os_auth_url', c.keystone_url],
      {},
    );
  });

  it('flags beat the environment', async () => {
    const r = await runCli('keystone', ['--os-password', 'wrong-' + randomBytes(4).toString('hex'), 'tenant-list'], { env: adminEnv() });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Invalid OpenStack Identity credentials.\n');
  });

  describe('clouds.yaml + secure.yaml', () => {
    const c = () => cloud();
    const home = join(scratch, 'home');
    const work = join(scratch, 'work');
    const name = `devcloud-${randomBytes(3).toString('hex')}`;

    beforeAll(() => {
      mkdirSync(join(home, '.config/openstack'), { recursive: true });
      mkdirSync(work, { recursive: true });
      writeFileSync(
        join(home, '.config/openstack/clouds.yaml'),
        [
          'clouds:',
          `  ${name}:`,
          '    auth:',
          `      auth_url: ${c().keystone_url}`,
          `      username: ${c().admin_user}`,
          `      project_name: ${c().admin_project}`,
          '      user_domain_name: Default',
          '      project_domain_name: Default',
          `    region_name: ${c().region}`,
          '    interface: public',
          '    identity_api_version: 3',
          '  other: {}',
        ].join('\n') + '\n',
      );
      writeFileSync(join(home, '.config/openstack/secure.yaml'), `clouds:\n  ${name}:\n    auth:\n      password: '${c().admin_password}'\n`);
    });

    it('--os-cloud and OS_CLOUD pick the entry from ~/.config/openstack, password from secure.yaml', async () => {
      await expectTenantList(['--os-cloud', name], { HOME: home }, { cwd: work });
      await expectTenantList([], { HOME: home, OS_CLOUD: name }, { cwd: work });
      const r = await runCli('glance', ['--os-cloud', name, 'image-list'], { env: { HOME: home }, cwd: work });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    });

    it('./clouds.yaml and OS_CLIENT_CONFIG_FILE are searched too', async () => {
      const local = join(scratch, 'local');
      mkdirSync(local, { recursive: true });
      const entry = `clouds:\n  here:\n    auth:\n      auth_url: ${c().keystone_url}\n      username: ${c().admin_user}\n      password: '${c().admin_password}'\n      project_name: ${c().admin_project}\n`;
      writeFileSync(join(local, 'clouds.yaml'), entry);
      await expectTenantList(['--os-cloud', 'here'], { HOME: join(scratch, 'empty-home') }, { cwd: local });
      const elsewhere = join(scratch, 'elsewhere.yaml');
      writeFileSync(elsewhere, entry.replace('here:', 'there:'));
      await expectTenantList(['--os-cloud', 'there'], { HOME: join(scratch, 'empty-home'), OS_CLIENT_CONFIG_FILE: elsewhere }, { cwd: work });
    });

    it('the environment beats clouds.yaml', async () => {
      const r = await runCli('keystone', ['--os-cloud', name, 'tenant-list'], { env: { HOME: home, OS_PASSWORD: 'not-the-password' }, cwd: work });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('Invalid OpenStack Identity credentials.\n');
    });

    it('an unknown cloud name is an error naming the files searched and the clouds found', async () => {
      const r = await runCli('keystone', ['--os-cloud', 'nope', 'tenant-list'], { env: { HOME: home }, cwd: work });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `Cloud 'nope' (--os-cloud / OS_CLOUD) is not in ${home}/.config/openstack/clouds.yaml (clouds found: ${name}, other; ` +
          `searched clouds.yaml/.yml/.json in ${work}, ${home}/.config/openstack, /etc/openstack).\n`,
      );
    });
  });

  describe('application credentials', () => {
    let appCred: AppCredential;
    beforeAll(async () => {
      appCred = await createAppCredential(`osc-test-${randomBytes(4).toString('hex')}`);
    });
    afterAll(async () => appCred?.remove());

    it('by id (OS_AUTH_TYPE=v3applicationcredential) and by name with the user', async () => {
      const c = cloud();
      await expectTenantList([], {
        OS_AUTH_URL: c.keystone_url,
        OS_AUTH_TYPE: 'v3applicationcredential',
        OS_APPLICATION_CREDENTIAL_ID: appCred.id,
        OS_APPLICATION_CREDENTIAL_SECRET: appCred.secret,
      });
      await expectTenantList(
        ['--os-application-credential-name', appCred.name, '--os-application-credential-secret', appCred.secret, '--os-username', c.admin_user],
        { OS_AUTH_URL: c.keystone_url },
      );
      const r = await runCli('glance', ['image-list'], {
        env: { OS_AUTH_URL: c.keystone_url, OS_APPLICATION_CREDENTIAL_ID: appCred.id, OS_APPLICATION_CREDENTIAL_SECRET: appCred.secret },
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    });

    it('a wrong secret is refused', async () => {
      const r = await runCli('keystone', ['tenant-list'], {
        env: { OS_AUTH_URL: cloud().keystone_url, OS_APPLICATION_CREDENTIAL_ID: appCred.id, OS_APPLICATION_CREDENTIAL_SECRET: 'wrong' },
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('Invalid OpenStack Identity credentials.\n');
    });
  });

  describe('tokens and token mode', () => {
    it("token mode with Keystone's admin_token: OS_SERVICE_TOKEN + OS_SERVICE_ENDPOINT (v2.0 URL) and OS_TOKEN + OS_URL", async () => {
      const c = cloud();
      await expectTenantList([], { OS_SERVICE_TOKEN: c.admin_token, OS_SERVICE_ENDPOINT: `${keystoneRoot()}/v2.0` });
      await expectTenantList([], { OS_TOKEN: c.admin_token, OS_URL: c.keystone_url });
      await expectTenantList(['--os-token', c.admin_token, '--os-endpoint', `${keystoneRoot()}/v2.0/`], {});
    });

    it('token mode skips authentication: --debug shows no token request', async () => {
      const c = cloud();
      const r = await runCli('keystone', ['--debug', 'tenant-list'], {
        env: { OS_SERVICE_TOKEN: c.admin_token, OS_SERVICE_ENDPOINT: `${keystoneRoot()}/v2.0` },
      });
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`GET ${c.keystone_url}/projects`);
      expect(r.stderr).not.toContain('/auth/tokens');
    });

    it('in token mode glance needs --os-image-url, and works with it and a real token', async () => {
      const c = cloud();
      const noUrl = await runCli('glance', ['image-list'], { env: { OS_TOKEN: c.admin_token, OS_URL: c.keystone_url } });
      expect(noUrl.code).toBe(1);
      expect(noUrl.stderr).toBe('Token mode has no service catalog to find the image endpoint in: pass --os-image-url (OS_IMAGE_URL).\n');
      const { token } = await issueAdminToken();
      const ok = await runCli('glance', ['--os-image-url', c.glance_url, 'image-list'], { env: { OS_TOKEN: token, OS_URL: c.keystone_url } });
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      // glanceclient's own bypass: --os-auth-token + --os-image-url, no Keystone at all.
      const bypass = await runCli('glance', ['--debug', '--os-auth-token', token, '--os-image-url', c.glance_url, 'image-list'], { env: {} });
      expect(bypass.code).toBe(0);
      expect(bypass.stderr).not.toContain(keystoneRoot());
    });

    it('a command that needs the catalog says so in token mode', async () => {
      const r = await runCli('keystone', ['token-get'], { env: { OS_SERVICE_TOKEN: cloud().admin_token, OS_SERVICE_ENDPOINT: cloud().keystone_url } });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/service catalog/);
    });

    it('token authentication (OS_TOKEN + OS_AUTH_URL) rescopes a token to a project', async () => {
      const c = cloud();
      const { token, projectId } = await issueAdminToken();
      const r = await runCli('keystone', ['token-get'], { env: { OS_TOKEN: token, OS_AUTH_URL: c.keystone_url, OS_PROJECT_NAME: c.admin_project } });
      expect(r.stderr).toBe('');
      const fields = Object.fromEntries(
        gridRows(r.stdout)
          .slice(1)
          .map(([k, v]) => [k, v]),
      );
      expect(fields.tenant_id).toBe(projectId);
      expect(fields.id).not.toBe(token);
    });
  });

  describe('catalog', () => {
    it('no endpoint for the region: one line naming what was asked for and what the catalog offers', async () => {
      const r = await runCli('glance', ['image-list'], { env: adminEnv({ OS_REGION_NAME: 'Atlantis' }) });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^No image\/public@Atlantis endpoint in the service catalog \(it offers: .*image\/public@RegionOne.*\)\. Check --os-region-name \/ --os-interface, or pass --os-image-url\.\n$/,
      );
    });

    it('OS_ENDPOINT_TYPE=internalURL picks the internal endpoint; --os-image-url overrides the catalog', async () => {
      const internal = await runCli('glance', ['--debug', 'image-list'], { env: adminEnv({ OS_ENDPOINT_TYPE: 'internalURL' }) });
      expect(internal.code).toBe(0);
      const override = await runCli('glance', ['--debug', '--os-image-url', 'http://127.0.0.1:1', 'image-list'], { env: adminEnv() });
      expect(override.code).toBe(1);
      expect(override.stderr).toContain('Unable to establish connection to http://127.0.0.1:1/v2/images');
    });
  });
});

// token-get, EC2 credentials, discover, bootstrap, bash-completion, help and token mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloud } from '../helpers/cloud.js';
import { api, Cleanup, expectCentredGrids, keystone, listRows, ok, record, unique } from './keystone-support.js';

const cleanup = new Cleanup();
afterAll(() => cleanup.run());

const tokenMode = (): Record<string, string> => ({ OS_SERVICE_TOKEN: cloud().admin_token, OS_SERVICE_ENDPOINT: cloud().keystone_url });

describe('token-get', () => {
  it('prints expires, id, tenant_id, user_id of the current token', async () => {
    const out = await ok(['token-get']);
    expectCentredGrids(out);
    const rec = record(out);
    expect(Object.keys(rec)).toEqual(['expires', 'id', 'tenant_id', 'user_id']);
    const identity = await api();
    const admin = (await identity.users.list({ name: cloud().admin_user }))[0]!;
    expect(rec.user_id).toBe(admin.id);
    expect(rec.tenant_id).toBe((await identity.projects.list({ name: cloud().admin_project }))[0]!.id);
    expect(Date.parse(rec.expires!)).toBeGreaterThan(Date.now());
  });

  it('--wrap N splits the token id into lines of N', async () => {
    const whole = record(await ok(['token-get'])).id!;
    const lines = (await ok(['token-get', '--wrap', '40']))
      .split('\n')
      .filter((l) => l.startsWith('|'))
      .slice(2, -2);
    expect(lines.map((l) => l.split('|')[2]!.trim()).join('')).toBe(whole);
  });
});

describe('EC2 credentials', () => {
  const tenant = unique('ec2tenant');
  const user = unique('ec2user');
  let tenantId = '';
  let userId = '';
  let access = '';
  const env = (): Record<string, string> => ({ OS_USERNAME: user, OS_PASSWORD: 'pw', OS_TENANT_NAME: tenant, OS_AUTH_URL: cloud().keystone_url });
  beforeAll(async () => {
    tenantId = record(await ok(['tenant-create', '--name', tenant])).id!;
    cleanup.add(async () => (await api()).projects.delete(tenantId));
    userId = record(await ok(['user-create', '--name', user, '--pass', 'pw', '--tenant', tenant])).id!;
    cleanup.add(async () => (await api()).users.delete(userId)); // deleting the user deletes its credentials (and --tenant made it a member)
  });

  it('ec2-credentials-create for --user-id/--tenant-id: access, secret, tenant_id, trust_id, user_id', async () => {
    const out = await ok(['ec2-credentials-create', '--user-id', userId, '--tenant-id', tenantId]);
    expectCentredGrids(out);
    const rec = record(out);
    access = rec.access!;
    expect(rec).toEqual({
      access: expect.stringMatching(/^[0-9a-f]{32}$/),
      secret: expect.stringMatching(/^[0-9a-f]{32}$/),
      tenant_id: tenantId,
      trust_id: '',
      user_id: userId,
    });
  });

  it('ec2-credentials-create without options: for the authenticated user and tenant', async () => {
    const rec = record(await ok(['ec2-credentials-create'], env()));
    expect([rec.user_id, rec.tenant_id]).toEqual([userId, tenantId]);
    expect(await ok(['ec2-credentials-delete', '--access', rec.access!], env())).toBe('Credential has been deleted.\n');
  });

  it('ec2-credentials-get --user-id --access', async () => {
    const rec = record(await ok(['ec2-credentials-get', '--user-id', userId, '--access', access]));
    expect(rec).toMatchObject({ access, tenant_id: tenantId, user_id: userId });
  });

  it('ec2-credentials-list: tenant (by name) | access | secret', async () => {
    const out = await ok(['ec2-credentials-list', '--user-id', userId]);
    expectCentredGrids(out);
    expect(listRows(out, ['tenant', 'access', 'secret'])).toEqual([[tenant, access, expect.stringMatching(/^[0-9a-f]{32}$/)]]);
  });

  it('ec2-credentials-delete: the classic confirmation; then the list is one empty line', async () => {
    expect(await ok(['ec2-credentials-delete', '--user-id', userId, '--access', access])).toBe('Credential has been deleted.\n');
    expect(await ok(['ec2-credentials-list', '--user-id', userId])).toBe('\n');
    const again = await keystone(['ec2-credentials-delete', '--user-id', userId, '--access', access]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^Unable to delete credential: .*\(HTTP 404\)\n$/);
  });
});

describe('discover', () => {
  it('prints the versions the auth URL offers', async () => {
    const root = cloud().keystone_url.replace(/\/v3$/, '');
    expect(await ok(['discover'])).toBe(`Keystone found at ${root}\n    - supports version v3.14 (stable) here ${root}/v3/\n`);
    // An old keystonerc's /v2.0 URL finds the same server.
    expect(await ok(['discover'], { OS_SERVICE_TOKEN: 'x', OS_SERVICE_ENDPOINT: `${root}/v2.0` })).toContain(`Keystone found at ${root}\n`);
  });

  it('no Keystone there: the classic message, exit 1', async () => {
    const r = await keystone(['discover'], { OS_SERVICE_TOKEN: 'x', OS_SERVICE_ENDPOINT: 'http://127.0.0.1:9/v2.0' });
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', 'No Keystone-compatible endpoint found\n']);
  });
});

describe('bootstrap', () => {
  it("--help states each default once, in keystoneclient's words", async () => {
    const help = (await keystone(['bootstrap', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help.match(/\(default="admin"\)/g)).toHaveLength(3);
    expect(help).not.toContain('(default: "admin")');
  });

  it('creates tenant, role and user, grants the role, and the user can log in (token mode, as it was run)', async () => {
    const names = { user: unique('bsuser'), tenant: unique('bstenant'), role: unique('bsrole') };
    const identity = await api();
    cleanup.add(async () => {
      for (const u of await identity.users.list({ name: names.user })) await identity.users.delete(u.id);
      for (const p of await identity.projects.list({ name: names.tenant })) await identity.projects.delete(p.id);
      for (const r of await identity.roles.list({ name: names.role })) await identity.roles.delete(r.id);
    });
    const args = ['bootstrap', '--user-name', names.user, '--pass', 'bs-pw', '--role-name', names.role, '--tenant-name', names.tenant];
    expect(await ok(args, tokenMode())).toBe('');
    const rows = listRows(await ok(['user-role-list', '--user', names.user, '--tenant', names.tenant]), ['id', 'name', 'user_id', 'tenant_id']);
    expect(rows.map((r) => r[1])).toEqual([names.role]);
    await ok(['token-get'], { OS_USERNAME: names.user, OS_PASSWORD: 'bs-pw', OS_TENANT_NAME: names.tenant, OS_AUTH_URL: cloud().keystone_url });

    // Again: the tenant exists, so nothing is created and it says why.
    const usersBefore = await ok(['user-list']);
    const again = await keystone(args, tokenMode());
    expect([again.code, again.stderr]).toEqual([1, `A tenant named '${names.tenant}' already exists: choose another --tenant-name.\n`]);
    expect(await ok(['user-list'])).toBe(usersBefore);
  });

  it('grants an existing role (today every Keystone has admin) instead of failing on it', async () => {
    const names = { user: unique('bsuser'), tenant: unique('bstenant') };
    const identity = await api();
    cleanup.add(async () => {
      for (const u of await identity.users.list({ name: names.user })) await identity.users.delete(u.id);
      for (const p of await identity.projects.list({ name: names.tenant })) await identity.projects.delete(p.id);
    });
    const rolesBefore = await ok(['role-list']);
    expect(await ok(['bootstrap', '--user-name', names.user, '--pass', 'bs-pw', '--tenant-name', names.tenant])).toBe('');
    expect(await ok(['role-list'])).toBe(rolesBefore);
    const rows = listRows(await ok(['user-role-list', '--user', names.user, '--tenant', names.tenant]), ['id', 'name', 'user_id', 'tenant_id']);
    expect(rows.map((r) => r[1])).toEqual(['admin']);
  });
});

describe('token mode (OS_SERVICE_TOKEN + OS_SERVICE_ENDPOINT)', () => {
  it('manages resources without a catalog', async () => {
    expect(await ok(['tenant-list'], tokenMode())).toBe(await ok(['tenant-list']));
  });

  it('catalog and token-get need a catalog: the classic configuration error', async () => {
    const expected =
      'Configuration error: Client configured to run without a service catalog. Run the client using --os-auth-url or OS_AUTH_URL, instead of --os-endpoint or OS_SERVICE_ENDPOINT, for example.\n';
    for (const command of ['catalog', 'token-get']) {
      const r = await keystone([command], tokenMode());
      expect([r.code, r.stdout, r.stderr]).toEqual([1, '', expected]);
    }
  });
});

describe('bash-completion and help', () => {
  it('bash-completion prints every command and its options, space-separated on one line', async () => {
    const out = await ok(['bash-completion']);
    expect(out.endsWith('\n')).toBe(true);
    const words = out.trim().split(' ');
    for (const word of [
      'tenant-create',
      'user-role-add',
      'endpoint-create',
      'ec2-credentials-list',
      'discover',
      'bootstrap',
      'catalog',
      'help',
      '--publicurl',
      '--tenant',
      '--pass',
      '--wrap',
    ]) {
      expect(words).toContain(word);
    }
    expect(words).not.toContain('bash-completion');
  });

  it('help <command> shows the classic options', async () => {
    const out = await ok(['help', 'endpoint-create']);
    for (const flag of [
      '--region <endpoint-region>',
      '--service <service>',
      '--publicurl <public-url>',
      '--adminurl <admin-url>',
      '--internalurl <internal-url>',
    ]) {
      expect(out).toContain(flag);
    }
  });
});

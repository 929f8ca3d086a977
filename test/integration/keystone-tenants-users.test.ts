// tenant-* and user-* (and password-update) on the real cloud: output, effect, classic messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userCreate } from '../../src/cli/keystone/commands/user-create.js';
import { userPasswordUpdate } from '../../src/cli/keystone/commands/user-password-update.js';
import { parseCommandLine } from '../helpers/parse.js';
import { api, Cleanup, expectCentredGrids, keystone, keystoneDeps, listRows, ok, record, unique } from './keystone-support.js';

const cleanup = new Cleanup();
afterAll(() => cleanup.run());

async function userEnv(name: string, password: string, tenant: string): Promise<Record<string, string>> {
  return { OS_USERNAME: name, OS_PASSWORD: password, OS_TENANT_NAME: tenant, OS_AUTH_URL: (await api()).session.credentials.authUrl! };
}

describe('tenants', () => {
  const name = unique('tenant');
  let id = '';
  beforeAll(async () => {
    const rec = record(await ok(['tenant-create', '--name', name, '--description', 'first', '--enabled', 'false']));
    id = rec.id!;
    cleanup.add(async () => (await api()).projects.delete(id));
    expect(rec).toMatchObject({ name, description: 'first', enabled: 'False' });
  });

  it('tenant-get by name and by id prints the classic record', async () => {
    const byName = await ok(['tenant-get', name]);
    expectCentredGrids(byName);
    expect(record(byName)).toEqual({ description: 'first', enabled: 'False', id, name });
    expect(await ok(['tenant-get', id])).toBe(byName);
  });

  it('tenant-get of an unknown tenant: the classic message, exit 1', async () => {
    const r = await keystone(['tenant-get', `${name}-nope`]);
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', `No tenant with a name or ID of '${name}-nope' exists.\n`]);
  });

  it('tenant-update changes name, description and enabled; with no options it says so and changes nothing', async () => {
    expect(await ok(['tenant-update', name])).toBe('Tenant not updated, no arguments present.\n');
    expect(await ok(['tenant-update', '--name', `${name}-b`, '--description', 'second', '--enabled', 'true', name])).toBe('');
    expect(record(await ok(['tenant-get', id]))).toEqual({ description: 'second', enabled: 'True', id, name: `${name}-b` });
    const rows = listRows(await ok(['tenant-list']), ['id', 'name', 'enabled']);
    expect(rows).toContainEqual([id, `${name}-b`, 'True']);
    expect(rows.map((r) => r[1])).toEqual(rows.map((r) => r[1]).sort());
  });

  it('tenant-delete removes it', async () => {
    const doomed = record(await ok(['tenant-create', '--name', unique('doomed')]));
    cleanup.add(async () => (await api()).projects.delete(doomed.id!));
    expect(await ok(['tenant-delete', doomed.name!])).toBe('');
    expect((await keystone(['tenant-get', doomed.id!])).stderr).toBe(`No tenant with a name or ID of '${doomed.id}' exists.\n`);
  });
});

describe('users', () => {
  const tenant = unique('usertenant');
  const name = unique('user');
  let tenantId = '';
  let userId = '';
  beforeAll(async () => {
    tenantId = record(await ok(['tenant-create', '--name', tenant])).id!;
    cleanup.add(async () => (await api()).projects.delete(tenantId));
    const out = await ok(['user-create', '--name', name, '--tenant', tenant, '--pass', 'pw-one', '--email', 'u@example.com']);
    expectCentredGrids(out);
    const rec = record(out);
    userId = rec.id!;
    cleanup.add(async () => (await api()).users.delete(userId));
    // v2.0's user record: tenantId for --tenant, username next to name.
    expect(rec).toEqual({ email: 'u@example.com', enabled: 'True', id: userId, name, tenantId, username: name });
  });

  it('user-create --tenant makes the user a member there, as the v2.0 server did; granting it again is a 409', async () => {
    expect(listRows(await ok(['user-role-list', '--user', name, '--tenant', tenant]), ['id', 'name', 'user_id', 'tenant_id']).map((r) => r[1])).toEqual([
      'member',
    ]);
    const again = await keystone(['user-role-add', '--user', name, '--role', 'member', '--tenant', tenant]);
    expect([again.code, again.stdout]).toEqual([1, '']);
    expect(again.stderr).toMatch(/^Conflict occurred attempting to store role grant\. User \w+ already has role \w+ in tenant \w+ \(HTTP 409\)\n$/);
  });

  it('user-get by name and by id', async () => {
    const out = await ok(['user-get', name]);
    expect(record(out)).toEqual({ email: 'u@example.com', enabled: 'True', id: userId, name, tenantId, username: name });
    expect(await ok(['user-get', userId])).toBe(out);
    expect((await keystone(['user-get', `${name}-nope`])).stderr).toBe(`No user with a name or ID of '${name}-nope' exists.\n`);
  });

  it('user-list: all users sorted by name; --tenant / --tenant-id: the users with a role there', async () => {
    const all = listRows(await ok(['user-list']), ['id', 'name', 'enabled', 'email']);
    expect(all).toContainEqual([userId, name, 'True', 'u@example.com']);
    expect(all.map((r) => r[1])).toEqual(all.map((r) => r[1]).sort());
    expect(listRows(await ok(['user-list', '--tenant', tenant]), ['id', 'name', 'enabled', 'email'])).toEqual([[userId, name, 'True', 'u@example.com']]);
    expect(await ok(['user-list', '--tenant-id', tenantId])).toBe(await ok(['user-list', '--tenant', tenant]));
  });

  it('user-list of a tenant nobody has a role on prints one empty line', async () => {
    const empty = record(await ok(['tenant-create', '--name', unique('empty')]));
    cleanup.add(async () => (await api()).projects.delete(empty.id!));
    expect(await ok(['user-list', '--tenant', empty.id!])).toBe('\n');
  });

  it('user-update: email, enabled, name; the classic confirmation', async () => {
    expect(await ok(['user-update', name])).toBe('User not updated, no arguments present.\n');
    expect(await ok(['user-update', '--email', 'v@example.com', '--enabled', 'false', name])).toBe('User has been updated.\n');
    expect(record(await ok(['user-get', userId]))).toMatchObject({ email: 'v@example.com', enabled: 'False' });
    await ok(['user-update', '--enabled', 'true', userId]);
  });

  it('user-password-update --pass: the new password works, the old one does not', async () => {
    expect(await ok(['user-password-update', '--pass', 'pw-two', name])).toBe('');
    await pastRevocationSecond();
    expect(record(await ok(['token-get'], await userEnv(name, 'pw-two', tenant))).user_id).toBe(userId);
    const old = await keystone(['token-get'], await userEnv(name, 'pw-one', tenant));
    expect([old.code, old.stderr]).toEqual([1, 'Invalid OpenStack Identity credentials.\n']);
  });

  it('user-password-update without --pass and no terminal: the classic message, exit 1, nothing changed', async () => {
    const r = await keystone(['user-password-update', name]);
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', 'Please specify password using the --pass option or using the prompt\n']);
    await ok(['token-get'], await userEnv(name, 'pw-two', tenant));
  });

  it('user-password-update without --pass on a terminal asks twice (again when the answers differ)', async () => {
    const deps = keystoneDeps();
    deps.tty.stdin = true;
    const answers = ['pw-x', 'pw-y', 'pw-three', 'pw-three'];
    const asked: string[] = [];
    deps.promptSecret = async (q) => {
      asked.push(q);
      return answers.shift()!;
    };
    await userPasswordUpdate.run((await parseCommandLine('keystone', ['user-password-update', name])).options, deps);
    expect(asked).toEqual(['New Password: ', 'Repeat New Password: ', 'New Password: ', 'Repeat New Password: ']);
    expect(deps.err()).toContain('differ');
    await ok(['token-get'], await userEnv(name, 'pw-three', tenant));
  });

  it('password-update: a user changes their own password; the classic reminder', async () => {
    const env = await userEnv(name, 'pw-three', tenant);
    expect(await ok(['password-update', '--new-password', 'pw-four'], env)).toBe(
      'You should update the password you are using to authenticate to match your new password\n',
    );
    await pastRevocationSecond();
    await ok(['token-get'], { ...env, OS_PASSWORD: 'pw-four' });
    const wrong = await keystone(['password-update', '--current-password', 'not-it', '--new-password', 'pw-five'], { ...env, OS_PASSWORD: 'pw-four' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/\(HTTP 401\)|Invalid OpenStack Identity credentials/);
  });

  it('user-create --pass without a value: prompts on a terminal; a clear error without one, nothing created', async () => {
    const noTty = await keystone(['user-create', '--name', unique('nopass'), '--pass']);
    expect([noTty.code, noTty.stdout]).toEqual([1, '']);
    expect(noTty.stderr).toBe('--pass without a value asks for the password at a terminal, and there is none: give it as --pass PASSWORD.\n');

    const prompted = unique('prompted');
    const deps = keystoneDeps();
    deps.tty.stdin = true;
    deps.promptSecret = async () => 'pw-prompted';
    await userCreate.run((await parseCommandLine('keystone', ['user-create', '--name', prompted, '--tenant', tenant, '--pass'])).options, deps);
    const id = record(deps.out()).id!;
    cleanup.add(async () => (await api()).users.delete(id));
    expect(record(await ok(['token-get'], await userEnv(prompted, 'pw-prompted', tenant))).user_id).toBe(id);
  });

  it('tenant-list as a user without admin rights: the tenants the user has a role on', async () => {
    const env = await userEnv(name, 'pw-four', tenant);
    expect(listRows(await ok(['tenant-list'], env), ['id', 'name', 'enabled'])).toEqual([[tenantId, tenant, 'True']]);
  });

  it('user-delete removes the user', async () => {
    const doomed = record(await ok(['user-create', '--name', unique('doomed')]));
    cleanup.add(async () => (await api()).users.delete(doomed.id!));
    expect(await ok(['user-delete', doomed.name!])).toBe('');
    expect((await keystone(['user-get', doomed.id!])).stderr).toBe(`No user with a name or ID of '${doomed.id}' exists.\n`);
  });

  it('a required option missing is a usage error (exit 2), as argparse made it', async () => {
    const r = await keystone(['tenant-create']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('argument --name is required');
  });
});

/**
 * A password change revokes the user's tokens with one-second precision: a token issued in that
 * same second is revoked too (a Keystone trait, not ours). Wait it out before logging in again.
 */
function pastRevocationSecond(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1100));
}

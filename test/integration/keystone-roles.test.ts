// role-* and user-role-* on the real cloud: output, effect, classic messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, Cleanup, expectCentredGrids, keystone, listRows, ok, record, unique } from './keystone-support.js';

const cleanup = new Cleanup();
afterAll(() => cleanup.run());

const ROLE_LIST = ['id', 'name', 'user_id', 'tenant_id'];

describe('roles and grants', () => {
  const role = unique('role');
  const tenant = unique('roletenant');
  const user = unique('roleuser');
  let roleId = '';
  let tenantId = '';
  let userId = '';
  beforeAll(async () => {
    const out = await ok(['role-create', '--name', role]);
    expectCentredGrids(out);
    const rec = record(out);
    roleId = rec.id!;
    cleanup.add(async () => (await api()).roles.delete(roleId));
    expect(rec).toEqual({ id: roleId, name: role });
    tenantId = record(await ok(['tenant-create', '--name', tenant])).id!;
    cleanup.add(async () => (await api()).projects.delete(tenantId));
    userId = record(await ok(['user-create', '--name', user, '--pass', 'pw'])).id!;
    cleanup.add(async () => (await api()).users.delete(userId));
  });

  it('role-list: id | name, sorted by name, with the new role', async () => {
    const out = await ok(['role-list']);
    expectCentredGrids(out);
    const rows = listRows(out, ['id', 'name']);
    expect(rows).toContainEqual([roleId, role]);
    expect(rows.map((r) => r[1])).toEqual(rows.map((r) => r[1]).sort());
  });

  it('role-get by name and id; unknown role: the classic message', async () => {
    expect(record(await ok(['role-get', role]))).toEqual({ id: roleId, name: role });
    expect(await ok(['role-get', roleId])).toBe(await ok(['role-get', role]));
    const r = await keystone(['role-get', `${role}-nope`]);
    expect([r.code, r.stderr]).toEqual([1, `No role with a name or ID of '${role}-nope' exists.\n`]);
  });

  it('user-role-list of a user without roles prints one empty line', async () => {
    expect(await ok(['user-role-list', '--user', user, '--tenant', tenant])).toBe('\n');
  });

  it('user-role-add (names, then the -id spellings with ids), user-role-list shows both, sorted by name', async () => {
    expect(await ok(['user-role-add', '--user', user, '--role', role, '--tenant', tenant])).toBe('');
    expect(await ok(['user-role-add', '--user-id', userId, '--role-id', 'member', '--tenant-id', tenantId])).toBe('');
    const out = await ok(['user-role-list', '--user', user, '--tenant', tenant]);
    expectCentredGrids(out);
    const rows = listRows(out, ROLE_LIST);
    const expected = [
      ['member', userId, tenantId],
      [role, userId, tenantId],
    ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    expect(rows.map((r) => r.slice(1))).toEqual(expected);
    expect(rows.find((r) => r[1] === role)![0]).toBe(roleId);
    // The same through the hidden underscore spellings.
    expect(await ok(['user-role-list', '--user_id', userId, '--tenant_id', tenantId])).toBe(out);
  });

  it('user-role-list defaults to the authenticated user and tenant', async () => {
    const token = record(await ok(['token-get']));
    const rows = listRows(await ok(['user-role-list']), ROLE_LIST);
    expect(rows.map((r) => r[1])).toContain('admin');
    expect(new Set(rows.map((r) => `${r[2]} ${r[3]}`))).toEqual(new Set([`${token.user_id} ${token.tenant_id}`]));
  });

  it('user-role-remove: silent, and user-role-list no longer shows the role', async () => {
    expect(await ok(['user-role-remove', '--user', user, '--role', role, '--tenant', tenant])).toBe('');
    expect(listRows(await ok(['user-role-list', '--user', user, '--tenant', tenant]), ROLE_LIST).map((r) => r[1])).toEqual(['member']);
    const again = await keystone(['user-role-remove', '--user', user, '--role', role, '--tenant', tenant]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/\(HTTP 404\) \(Request-ID: req-[0-9a-f-]{36}\)\n$/);
  });

  it('user-role-add without --tenant: a usage error (v3 has no global roles), nothing granted', async () => {
    const r = await keystone(['user-role-add', '--user', user, '--role', role]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--tenant is required');
  });

  it('role-delete removes the role', async () => {
    const doomed = record(await ok(['role-create', '--name', unique('doomed')]));
    cleanup.add(async () => (await api()).roles.delete(doomed.id!));
    expect(await ok(['role-delete', doomed.name!])).toBe('');
    expect((await keystone(['role-get', doomed.id!])).stderr).toBe(`No role with a name or ID of '${doomed.id}' exists.\n`);
  });
});

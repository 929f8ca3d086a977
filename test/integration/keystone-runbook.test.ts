// The runbook's keystone section, line by line, on the shared cloud. Its `services`, `glance` and
// image service already exist there, so every name (and the service type) gets a unique suffix;
// the grids are compared with the runbook's own grids for rows, columns, order and centring.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gridRows, ROOT } from '../helpers/cli.js';
import { api, Cleanup, expectCentredGrids, keystone, listRows, ok, record, unique } from './keystone-support.js';

const runbook = readFileSync(join(ROOT, 'test/fixtures/glance-runbook.md'), 'utf8').split('\n');
/** Cells of the grid the runbook prints after the line containing `command`. */
function runbookCells(command: string): string[][] {
  const start = runbook.findIndex((l) => l.includes(command));
  const grid: string[] = [];
  for (const line of runbook.slice(start + 1)) {
    if (!/^[+|]/.test(line)) break;
    grid.push(line);
  }
  return gridRows(grid.join('\n'));
}

const tenant = unique('services');
const user = unique('glance');
const serviceName = unique('glance');
const serviceType = unique('image'); // not `image`: the shared catalog's image endpoint must stay the only one
const cleanup = new Cleanup();
afterAll(() => cleanup.run());

describe("the runbook's keystone lines (unique names)", () => {
  let serviceId = '';

  it('keystone tenant-list | grep services: the services tenant row, centred', async () => {
    const out = await ok(['tenant-list']);
    expectCentredGrids(out);
    expect(listRows(out, ['id', 'name', 'enabled']).filter(([, name]) => name === 'services')).toHaveLength(1);
    expect(
      out
        .split('\n')
        .filter((l) => l.includes('services'))
        .some((l) => /^\| [0-9a-f]{32} \| +services +\| +True +\|$/.test(l)),
    ).toBe(true);
  });

  it('keystone tenant-create --name services', async () => {
    const out = await ok(['tenant-create', '--name', tenant]);
    const rec = record(out);
    cleanup.add(async () => (await api()).projects.delete(rec.id!));
    expectCentredGrids(out);
    expect(Object.keys(rec)).toEqual(['description', 'enabled', 'id', 'name']);
    expect(rec).toMatchObject({ description: '', enabled: 'True', name: tenant });
    expect(await ok(['tenant-list'])).toContain(` ${tenant} `);
  });

  it('keystone user-create --name glance --pass <password>', async () => {
    const out = await ok(['user-create', '--name', user, '--pass', 'runbook-secret']);
    const rec = record(out);
    cleanup.add(async () => (await api()).users.delete(rec.id!));
    expectCentredGrids(out);
    expect(Object.keys(rec)).toEqual(['email', 'enabled', 'id', 'name', 'username']);
    expect(rec).toMatchObject({ enabled: 'True', name: user, username: user, email: '' });
  });

  it('keystone user-role-add --user glance --role admin --tenant services: silent, and the grant is there', async () => {
    expect(await ok(['user-role-add', '--user', user, '--role', 'admin', '--tenant', tenant])).toBe('');
    const rows = listRows(await ok(['user-role-list', '--user', user, '--tenant', tenant]), ['id', 'name', 'user_id', 'tenant_id']);
    expect(rows.map((r) => r[1])).toEqual(['admin']);
    // The user can now work in the tenant, as the runbook's Glance service will.
    const env = { OS_USERNAME: user, OS_PASSWORD: 'runbook-secret', OS_TENANT_NAME: tenant, OS_AUTH_URL: (await api()).session.credentials.authUrl! };
    expect(record(await ok(['token-get'], env)).tenant_id).toBe(rows[0]![3]);
  });

  it('keystone service-create --name glance --type image --description "Glance Image Service": the runbook record shape', async () => {
    const out = await ok(['service-create', '--name', serviceName, '--type', serviceType, '--description', 'Glance Image Service']);
    const rec = record(out);
    serviceId = rec.id!;
    cleanup.add(async () => (await api()).services.delete(serviceId));
    expectCentredGrids(out);
    const expected = runbookCells('keystone service-create');
    expect(gridRows(out).map((r) => r[0])).toEqual(expected.map((r) => r[0]));
    expect(rec).toEqual({
      description: 'Glance Image Service',
      enabled: 'True',
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: serviceName,
      type: serviceType,
    });
  });

  it('keystone service-list: the runbook columns, sorted by name, with the new service', async () => {
    const out = await ok(['service-list']);
    expectCentredGrids(out);
    const header = runbookCells('keystone service-list')[0]!;
    const rows = listRows(out, header);
    expect(rows).toContainEqual([serviceId, serviceName, serviceType, 'Glance Image Service']);
    const names = rows.map((r) => r[1]!);
    expect(names).toEqual([...names].sort());
  });

  it('keystone endpoint-create --service-id <id> --publicurl/--adminurl/--internalurl http://controller:9292', async () => {
    const before = await (await api()).regions.find('regionOne');
    const url = 'http://controller:9292';
    const out = await ok(['endpoint-create', '--service-id', serviceId, '--publicurl', url, '--adminurl', url, '--internalurl', url]);
    const rec = record(out);
    cleanup.add(async () => {
      const identity = await api();
      for (const e of await identity.endpoints.list({ service_id: serviceId })) await identity.endpoints.delete(e.id);
      if (!before) await identity.regions.delete('regionOne');
    });
    expectCentredGrids(out);
    expect(gridRows(out).map((r) => r[0])).toEqual(runbookCells('keystone endpoint-create').map((r) => r[0]));
    expect(rec).toEqual({
      adminurl: url,
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      internalurl: url,
      publicurl: url,
      region: 'regionOne',
      service_id: serviceId,
    });
    // Really registered: three v3 endpoints, one per interface, in regionOne; the id is the public one's.
    const v3 = await (await api()).endpoints.list({ service_id: serviceId });
    expect(v3.map((e) => [e.interface, e.url, e.region_id]).sort()).toEqual([
      ['admin', url, 'regionOne'],
      ['internal', url, 'regionOne'],
      ['public', url, 'regionOne'],
    ]);
    expect(v3.find((e) => e.interface === 'public')!.id).toBe(rec.id);
  });

  it('running the section again: tenant-create, user-create and user-role-add fail with the conflict, exit 1; nothing changes', async () => {
    const tenantsBefore = await ok(['tenant-list']);
    const usersBefore = await ok(['user-list']);
    const again = await keystone(['tenant-create', '--name', tenant]);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(
      new RegExp(
        `^Conflict occurred attempting to store project - it is not permitted to have two projects with either the same name or same id in the same domain: name is ${tenant}, project id [0-9a-f]{32}\\. \\(HTTP 409\\) \\(Request-ID: req-[0-9a-f-]{36}\\)\\n$`,
      ),
    );
    const userAgain = await keystone(['user-create', '--name', user, '--pass', 'other']);
    expect(userAgain.code).toBe(1);
    expect(userAgain.stderr).toMatch(/^Conflict occurred attempting to store user - Duplicate entry.*\(HTTP 409\) \(Request-ID: req-[0-9a-f-]{36}\)\n$/);
    const grantAgain = await keystone(['user-role-add', '--user', user, '--role', 'admin', '--tenant', tenant]);
    expect([grantAgain.code, grantAgain.stdout]).toEqual([1, '']);
    expect(grantAgain.stderr).toMatch(/^Conflict occurred attempting to store role grant\. .* \(HTTP 409\)\n$/);
    expect(await ok(['tenant-list'])).toBe(tenantsBefore);
    expect(await ok(['user-list'])).toBe(usersBefore);
    expect(listRows(await ok(['user-role-list', '--user', user, '--tenant', tenant]), ['id', 'name', 'user_id', 'tenant_id']).map((r) => r[1])).toEqual([
      'admin',
    ]);
  });
});

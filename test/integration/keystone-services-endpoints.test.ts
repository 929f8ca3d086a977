// service-*, endpoint-* and catalog on the real cloud. Service types are unique per run, so the
// shared catalog's image and identity endpoints stay the only ones other tests find.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, Cleanup, expectCentredGrids, keystone, listRows, ok, record, unique } from './keystone-support.js';

const cleanup = new Cleanup();
afterAll(() => cleanup.run());

const ENDPOINT_LIST = ['id', 'region', 'publicurl', 'internalurl', 'adminurl', 'service_id'];

describe('services', () => {
  const name = unique('svc');
  const type = unique('type');
  let id = '';
  beforeAll(async () => {
    id = record(await ok(['service-create', '--type', type, '--name', name, '--description', 'A test service'])).id!;
    cleanup.add(async () => (await api()).services.delete(id));
  });

  it('service-get by name and id', async () => {
    const out = await ok(['service-get', name]);
    expectCentredGrids(out);
    expect(record(out)).toEqual({ description: 'A test service', enabled: 'True', id, name, type });
    expect(await ok(['service-get', id])).toBe(out);
  });

  it('two services of one name: the classic several-matches message', async () => {
    const twin = record(await ok(['service-create', '--type', `${type}-b`, '--name', name]));
    cleanup.add(async () => (await api()).services.delete(twin.id!));
    const r = await keystone(['service-get', name]);
    expect([r.code, r.stdout, r.stderr]).toEqual([1, '', `Multiple service matches found for '${name}', use an ID to be more specific.\n`]);
    expect(await ok(['service-delete', twin.id!])).toBe('');
    expect(listRows(await ok(['service-list']), ['id', 'name', 'type', 'description']).map((r) => r[0])).not.toContain(twin.id);
  });

  it('service-delete by name removes it', async () => {
    const doomed = record(await ok(['service-create', '--type', unique('doomed')]));
    cleanup.add(async () => (await api()).services.delete(doomed.id!));
    expect(doomed.name).toBe('');
    expect(await ok(['service-delete', doomed.id!])).toBe('');
    expect((await keystone(['service-get', doomed.id!])).stderr).toBe(`No service with a name or ID of '${doomed.id}' exists.\n`);
  });
});

describe('endpoints', () => {
  const type = unique('eptype');
  const region = unique('region');
  let serviceId = '';
  let endpointId = '';
  beforeAll(async () => {
    serviceId = record(await ok(['service-create', '--type', type, '--name', unique('epsvc')])).id!;
    cleanup.add(async () => {
      const identity = await api();
      for (const e of await identity.endpoints.list({ service_id: serviceId })) await identity.endpoints.delete(e.id);
      await identity.services.delete(serviceId);
      await identity.regions.delete(region);
    });
  });

  it('endpoint-create by service name in a new region: the region is created, --adminurl alone leaves internalurl empty', async () => {
    const before = await (await api()).regions.find(region);
    expect(before).toBeUndefined();
    const out = await ok(
      ['endpoint-create', '--region', region, '--service', type.replace(/^/, ''), '--publicurl', 'http://pub:1', '--adminurl', 'http://adm:1'].map((a) =>
        a === type ? serviceId : a,
      ),
    );
    expectCentredGrids(out);
    const rec = record(out);
    endpointId = rec.id!;
    expect(rec).toEqual({ adminurl: 'http://adm:1', id: endpointId, internalurl: '', publicurl: 'http://pub:1', region, service_id: serviceId });
    expect(await (await api()).regions.find(region)).toMatchObject({ id: region });
  });

  it('the next command sees the new endpoint in its token catalog (the cached token was dropped)', async () => {
    const out = await ok(['catalog', '--service', type]);
    expect(out.split('\n')[0]).toBe(`Service: ${type}`);
    expect(record(out.slice(out.indexOf('\n') + 1))).toEqual({ adminURL: 'http://adm:1', id: endpointId, publicURL: 'http://pub:1', region });
  });

  it('endpoint-list: one classic row per group, sorted by id, including the bootstrap identity endpoints', async () => {
    const out = await ok(['endpoint-list']);
    expectCentredGrids(out);
    const rows = listRows(out, ENDPOINT_LIST);
    expect(rows).toContainEqual([endpointId, region, 'http://pub:1', '', 'http://adm:1', serviceId]);
    expect(rows.map((r) => r[0])).toEqual(rows.map((r) => r[0]).sort());
    const identity = await api();
    const keystoneService = (await identity.services.list({ type: 'identity' }))[0]!;
    const identityRows = rows.filter((r) => r[5] === keystoneService.id);
    expect(identityRows.length).toBeGreaterThan(0);
    expect(identityRows.every((r) => r[2] !== '' && r[3] !== '' && r[4] !== '')).toBe(true);
  });

  it('endpoint-get <id> prints the classic record', async () => {
    expect(record(await ok(['endpoint-get', endpointId]))).toEqual({
      adminurl: 'http://adm:1',
      id: endpointId,
      internalurl: '',
      publicurl: 'http://pub:1',
      region,
      service_id: serviceId,
    });
    const r = await keystone(['endpoint-get', 'no-such-endpoint']);
    expect([r.code, r.stderr]).toEqual([1, "No endpoint with an ID of 'no-such-endpoint' exists.\n"]);
  });

  it('a second endpoint-create for the same service and region stays a separate row', async () => {
    const second = record(
      await ok(['endpoint-create', '--region', region, '--service-id', serviceId, '--publicurl', 'http://pub:2', '--internalurl', 'http://int:2']),
    );
    const rows = listRows(await ok(['endpoint-list']), ENDPOINT_LIST).filter((r) => r[5] === serviceId);
    expect(rows.sort()).toEqual(
      [
        [endpointId, region, 'http://pub:1', '', 'http://adm:1', serviceId],
        [second.id!, region, 'http://pub:2', 'http://int:2', '', serviceId],
      ].sort(),
    );
    expect(await ok(['endpoint-delete', second.id!])).toBe('Endpoint has been deleted.\n');
  });

  it('endpoint-delete removes the whole group (all its v3 endpoints)', async () => {
    expect(await ok(['endpoint-delete', endpointId])).toBe('Endpoint has been deleted.\n');
    expect(await (await api()).endpoints.list({ service_id: serviceId })).toEqual([]);
    expect(listRows(await ok(['endpoint-list']), ENDPOINT_LIST).map((r) => r[0])).not.toContain(endpointId);
    const again = await keystone(['endpoint-delete', endpointId]);
    expect([again.code, again.stdout]).toEqual([1, '']);
    expect(again.stderr).toBe(`Unable to delete endpoint: no endpoint with an ID of '${endpointId}' exists.\n`);
  });

  it('endpoint-create of an unknown service: the classic message, nothing created', async () => {
    const r = await keystone(['endpoint-create', '--service', `${type}-nope`, '--publicurl', 'http://x:1']);
    expect([r.code, r.stderr]).toEqual([1, `No service with a name or ID of '${type}-nope' exists.\n`]);
    expect(await (await api()).endpoints.list({ service_id: serviceId })).toEqual([]);
  });
});

describe('catalog and endpoint-get --service (from the token)', () => {
  it("catalog --service image prints 'Service: image' and a record per region", async () => {
    const out = await ok(['catalog', '--service', 'image']);
    expect(out.split('\n')[0]).toBe('Service: image');
    expectCentredGrids(out);
    const rec = record(out.slice(out.indexOf('\n') + 1));
    expect(Object.keys(rec)).toEqual(['adminURL', 'id', 'internalURL', 'publicURL', 'region']);
    const identity = await api();
    const imageEndpoints = await identity.endpoints.list({ service_id: (await identity.services.list({ type: 'image' }))[0]!.id, interface: 'public' });
    expect(imageEndpoints.map((e) => e.url)).toContain(rec.publicURL);
  });

  it('catalog lists every service; an unknown --service prints nothing', async () => {
    const out = await ok(['catalog']);
    expect(out).toContain('Service: identity\n');
    expect(out).toContain('Service: image\n');
    expect(await ok(['catalog', '--service', 'no-such-type'])).toBe('');
  });

  it('endpoint-get --service image [--endpoint-type adminURL]: the URL from the catalog', async () => {
    const pub = record(await ok(['endpoint-get', '--service', 'image']));
    expect(Object.keys(pub)).toEqual(['image.publicURL']);
    expect(pub['image.publicURL']).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(Object.keys(record(await ok(['endpoint-get', '--service', 'image', '--endpoint-type', 'adminURL'])))).toEqual(['image.adminURL']);
    const none = await keystone(['endpoint-get', '--service', 'no-such-type']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^publicURL endpoint for no-such-type service( in \S+ region)? not found\n$/);
  });
});

// Commands' run() against a fake OpenStack (test/helpers/http-mock.ts): the requests each one makes
// and what it prints, with no cloud.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imageList } from '../../src/cli/glance/commands/image-list.js';
import { imageShow } from '../../src/cli/glance/commands/image-show.js';
import { tenantCreate } from '../../src/cli/keystone/commands/tenant-create.js';
import { tenantList } from '../../src/cli/keystone/commands/tenant-list.js';
import { makeTestDeps } from '../helpers/deps.js';
import { HttpMock } from '../helpers/http-mock.js';

const IMAGE = {
  id: '7b3c1a52-59f3-4a1d-9d8e-2f5e8a0e3c11',
  name: 'cirros',
  status: 'active',
  disk_format: 'qcow2',
  container_format: 'bare',
  size: 13_287_936,
  virtual_size: null,
  visibility: 'public',
  owner: 'p-admin',
  min_disk: 0,
  min_ram: 0,
  protected: false,
  checksum: 'ee1eca47dc88f4879d8a229cc70a07c6',
  created_at: '2024-05-01T10:00:00Z',
  updated_at: '2024-05-01T10:00:05Z',
  tags: [],
};

let api: HttpMock;
beforeEach(async () => {
  api = await HttpMock.start();
});
afterEach(() => api.close());

describe('glance image-list', () => {
  it('asks for images sorted by name in pages of 1000, asks for the next page with its own query, prints one grid of both pages', async () => {
    api.register(
      'GET',
      '/v2/images',
      // Glance's next link keeps one value per parameter; the request for page 2 sends the whole query again.
      { json: { images: [IMAGE], next: '/v2/images?marker=7b3c1a52-59f3-4a1d-9d8e-2f5e8a0e3c11&sort_key=name&sort_dir=asc&tag=b' } },
      { query: { tag: ['a', 'b'], sort_key: 'name', sort_dir: 'asc', limit: '1000' } },
    );
    api.register(
      'GET',
      '/v2/images',
      { json: { images: [{ ...IMAGE, id: 'i-2', name: 'fedora', size: 0 }] } },
      { query: { tag: ['a', 'b'], sort_key: 'name', sort_dir: 'asc', limit: '1000', marker: '7b3c1a52-59f3-4a1d-9d8e-2f5e8a0e3c11' } },
    );
    const deps = makeTestDeps({ env: api.env() });
    await imageList.run({ query: { tag: ['a', 'b'] }, sort: { keys: [], dirs: [] }, humanReadable: false, includeStores: false }, deps);
    api.verify();
    expect(deps.out()).toBe(
      [
        '+--------------------------------------+--------+-------------+------------------+----------+--------+',
        '| ID                                   | Name   | Disk Format | Container Format | Size     | Status |',
        '+--------------------------------------+--------+-------------+------------------+----------+--------+',
        '| 7b3c1a52-59f3-4a1d-9d8e-2f5e8a0e3c11 | cirros | qcow2       | bare             | 13287936 | active |',
        '| i-2                                  | fedora | qcow2       | bare             |          | active |',
        '+--------------------------------------+--------+-------------+------------------+----------+--------+',
        '',
      ].join('\n'),
    );
  });
});

describe('glance image-show', () => {
  it("by name: the ID lookup 404s, the list by name finds one image, printed as the runbook dialect's record", async () => {
    api.register('GET', '/v2/images/cirros', { status: 404, json: { message: 'No image found with ID cirros' } });
    api.register('GET', '/v2/images', { json: { images: [IMAGE] } }, { query: { name: 'cirros', limit: '1000' } });
    const deps = makeTestDeps({ env: api.env() });
    await imageShow.run({ image: 'cirros', humanReadable: true, maxColumnWidth: 80 }, deps);
    api.verify();
    expect(deps.out()).toBe(
      [
        '+------------------+--------------------------------------+',
        '| Property         | Value                                |',
        '+------------------+--------------------------------------+',
        '| checksum         | ee1eca47dc88f4879d8a229cc70a07c6     |',
        '| container_format | bare                                 |',
        '| created_at       | 2024-05-01T10:00:00                  |',
        '| deleted          | False                                |',
        '| deleted_at       | None                                 |',
        '| disk_format      | qcow2                                |',
        '| id               | 7b3c1a52-59f3-4a1d-9d8e-2f5e8a0e3c11 |',
        '| is_public        | True                                 |',
        '| min_disk         | 0                                    |',
        '| min_ram          | 0                                    |',
        '| name             | cirros                               |',
        '| owner            | p-admin                              |',
        '| protected        | False                                |',
        '| size             | 12.7MB                               |',
        '| status           | active                               |',
        '| updated_at       | 2024-05-01T10:00:05                  |',
        '| virtual_size     | None                                 |',
        '+------------------+--------------------------------------+',
        '',
      ].join('\n'),
    );
  });
});

describe('keystone tenant-list', () => {
  it("lists the default domain's projects, sorted by name", async () => {
    const projects = [
      { id: 'p2', name: 'services', enabled: true, domain_id: 'default' },
      { id: 'p1', name: 'admin', enabled: true, domain_id: 'default' },
      { id: 'p3', name: 'demo', enabled: false, domain_id: 'default' },
    ];
    api.register('GET', '/v3/projects', { json: { projects } }, { query: { domain_id: 'default' } });
    const deps = makeTestDeps({ dialect: 'keystone', env: api.env() });
    await tenantList.run({}, deps);
    api.verify();
    expect(deps.out()).toBe(
      [
        '+----+----------+---------+',
        '| id |   name   | enabled |',
        '+----+----------+---------+',
        '| p1 |  admin   |   True  |',
        '| p3 |   demo   |  False  |',
        '| p2 | services |   True  |',
        '+----+----------+---------+',
        '',
      ].join('\n'),
    );
  });
});

describe('keystone tenant-create', () => {
  it('posts the project in the default domain and prints the created tenant', async () => {
    const project = { name: 'demo', description: 'Demo tenant', enabled: true, domain_id: 'default' };
    api.register('POST', '/v3/projects', { status: 201, json: { project: { id: 'p9', ...project } } }, { json: { project } });
    const deps = makeTestDeps({ dialect: 'keystone', env: api.env() });
    await tenantCreate.run({ name: 'demo', description: 'Demo tenant', enabled: true }, deps);
    api.verify();
    expect(deps.out()).toBe(
      [
        '+-------------+-------------+',
        '|   Property  |    Value    |',
        '+-------------+-------------+',
        '| description | Demo tenant |',
        '|   enabled   |     True    |',
        '|      id     |      p9     |',
        '|     name    |     demo    |',
        '+-------------+-------------+',
        '',
      ].join('\n'),
    );
  });
});

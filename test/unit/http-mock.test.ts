// The fake OpenStack of test/helpers/http-mock.ts fails a test the ways it promises to.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imageList } from '../../src/cli/glance/commands/image-list.js';
import { imageShow } from '../../src/cli/glance/commands/image-show.js';
import { tenantCreate } from '../../src/cli/keystone/commands/tenant-create.js';
import { makeTestDeps } from '../helpers/deps.js';
import { HttpMock } from '../helpers/http-mock.js';

const IMAGE = {
  id: 'abc',
  name: 'cirros',
  status: 'active',
  disk_format: 'raw',
  container_format: 'bare',
  size: 1,
  virtual_size: null,
  visibility: 'private',
  protected: false,
  checksum: null,
  min_disk: 0,
  min_ram: 0,
  owner: 'p',
  created_at: '2024-05-01T10:00:00Z',
  updated_at: '2024-05-01T10:00:00Z',
  tags: [],
};
const showOptions = { image: 'abc', humanReadable: false, maxColumnWidth: 80 };

let api: HttpMock;
beforeEach(async () => {
  api = await HttpMock.start();
});
afterEach(() => api.close());

describe('HttpMock.verify', () => {
  it('passes when exactly the registered requests were made', async () => {
    api.register('GET', '/v2/images/abc', { json: IMAGE });
    await imageShow.run(showOptions, makeTestDeps({ env: api.env() }));
    expect(() => api.verify()).not.toThrow();
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v3/auth/tokens', 'GET /v2/images/abc']);
  });

  it('fails naming a registered request that was not made', async () => {
    api.register('GET', '/v2/images/abc', { json: IMAGE });
    api.register('GET', '/v2/images/abc/members', { json: { members: [] } });
    await imageShow.run(showOptions, makeTestDeps({ env: api.env() }));
    expect(() => api.verify()).toThrow('expected but not made: GET /v2/images/abc/members');
  });

  it('fails an unregistered request loudly: the command gets an error naming it, and verify names it', async () => {
    await expect(imageShow.run(showOptions, makeTestDeps({ env: api.env() }))).rejects.toThrow('http-mock: no stub for GET /v2/images/abc');
    expect(() => api.verify()).toThrow('made but not registered: GET /v2/images/abc');
  });

  it('a request whose query differs from the registered one is unregistered', async () => {
    api.register('GET', '/v2/images', { json: { images: [] } }, { query: { name: 'cirros' } });
    await expect(
      imageList.run({ query: { name: 'fedora' }, sort: { sort: 'name:asc' }, humanReadable: false, includeStores: false }, makeTestDeps({ env: api.env() })),
    ).rejects.toThrow('no stub');
    expect(() => api.verify()).toThrow(
      /expected but not made: GET \/v2\/images \{"name":"cirros"\}\n {2}made but not registered: GET \/v2\/images \{"name":"fedora","sort":"name:asc","limit":"1000"\}/,
    );
  });

  it('a request whose JSON body differs from the registered one is unregistered', async () => {
    api.register(
      'POST',
      '/v3/projects',
      { status: 201, json: { project: { id: 'p9', name: 'demo', enabled: true } } },
      { json: { project: { name: 'demo', enabled: true, domain_id: 'default' } } },
    );
    await expect(tenantCreate.run({ name: 'demo', enabled: false }, makeTestDeps({ dialect: 'keystone', env: api.env() }))).rejects.toThrow('no stub');
    expect(() => api.verify()).toThrow('made but not registered: POST /v3/projects {} {"project":{"name":"demo","enabled":false,"domain_id":"default"}}');
  });
});

// Every API resource decodes its answer: a real Session (token mode, so no authentication) over a
// scripted transport that answers each request with a canned body.
import { describe, expect, it } from 'vitest';
import { IdentityApi } from '../../src/api/identity/index.js';
import { discoverVersions } from '../../src/api/identity/versions.js';
import { ImageApi } from '../../src/api/image/index.js';
import type { Credentials } from '../../src/config/credentials.js';
import { CliError } from '../../src/errors.js';
import { authenticate, discoverV3 } from '../../src/session/auth.js';
import { Session } from '../../src/session/session.js';
import { scriptedTransport, type Canned } from '../helpers/scripted-transport.js';

const credentials: Credentials = {
  authType: 'admin_token',
  token: 't',
  endpoint: 'http://ks:5000/v3',
  imageUrl: 'http://gl:9292',
  interface: 'public',
  insecure: false,
  timeoutSeconds: 5,
  cache: false,
  forceNewToken: false,
};

function apis(canned: Canned) {
  const session = new Session(credentials, scriptedTransport(canned));
  return { identity: new IdentityApi(session), image: new ImageApi(session) };
}

/** The one-line message a call fails with (it must be a CliError, exit 1). */
async function failure(call: Promise<unknown>): Promise<string> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof CliError)) throw new Error(`expected a CliError, got ${String(err)}`);
  expect(err.exitCode).toBe(1);
  expect(err.message).not.toContain('\n');
  return err.message;
}

const IMAGE = {
  id: 'i1',
  name: null,
  status: 'queued',
  visibility: 'shared',
  protected: false,
  disk_format: null,
  container_format: null,
  size: null,
  virtual_size: null,
  checksum: null,
  os_hash_algo: null,
  os_hash_value: null,
  min_ram: 0,
  min_disk: 0,
  owner: 'p',
  os_hidden: false,
  created_at: '2030-01-01T00:00:00Z',
  updated_at: '2030-01-01T00:00:00Z',
  tags: [],
  self: '/v2/images/i1',
  hw_disk_bus: 'scsi',
};

describe('image resources', () => {
  it('an image record keeps its free-form properties and key order', async () => {
    const image = await apis({ body: IMAGE }).image.images.get('i1');
    expect(image).toEqual(IMAGE);
    expect(Object.keys(image)).toEqual(Object.keys(IMAGE));
  });

  const listed = (over: Record<string, unknown>) => ({ images: [{ ...IMAGE, ...over }] });
  it.each<[string, unknown, string]>([
    ['images not a list', { images: 'abc' }, '"images" is not a list'],
    ['an entry not an object', { images: ['abc'] }, '"images[0]" is not an object'],
    // JSON.stringify cannot write 1e999 (Infinity): the body is written by hand.
    ['size 1e999', JSON.stringify(listed({})).replace('"size":null', '"size":1e999'), '"images[0].size" is not a non-negative integer (Infinity)'],
    ['size 1e300', listed({ size: 1e300 }), '"images[0].size" is not a non-negative integer (1e+300)'],
    ['negative min_disk', listed({ min_disk: -1 }), '"images[0].min_disk" is not a non-negative integer (-1)'],
    ['min_ram as a string', listed({ min_ram: '512' }), '"images[0].min_ram" is not a non-negative integer'],
    ['no id', listed({ id: undefined }), '"images[0].id" is missing'],
    ['tags null', listed({ tags: null }), '"images[0].tags" is not a list'],
    ['protected a string', listed({ protected: 'yes' }), '"images[0].protected" is not a boolean'],
    ['next a number', { images: [], next: 5 }, '"next" is not a string (5)'],
    ['a list for a body', [], 'the body is not an object'],
  ])('image list, %s', async (_label, body, problem) => {
    expect(await failure(apis({ body }).image.images.list())).toBe(`Glance answered GET /v2/images with an unexpected body: ${problem}`);
  });

  it('image get, create and update (PATCH) decode the record', async () => {
    const bad = { ...IMAGE, virtual_size: -5 };
    const image = apis({ body: bad }).image.images;
    expect(await failure(image.get('i1'))).toBe('Glance answered GET /v2/images/i1 with an unexpected body: "virtual_size" is not a non-negative integer (-5)');
    expect(await failure(image.create({}))).toBe('Glance answered POST /v2/images with an unexpected body: "virtual_size" is not a non-negative integer (-5)');
    expect(await failure(image.update('i1', [{ op: 'remove', path: '/x' }]))).toBe(
      'Glance answered PATCH /v2/images/i1 with an unexpected body: "virtual_size" is not a non-negative integer (-5)',
    );
  });

  it('image locations are checked where the server shows them', async () => {
    expect(await failure(apis({ body: { ...IMAGE, locations: [{ url: 1, metadata: {} }] } }).image.locations.remove('i1', ['x']))).toBe(
      'Glance answered GET /v2/images/i1 with an unexpected body: "locations[0].url" is not a string (1)',
    );
  });

  it('members, tasks, import info, stores and the image schema', async () => {
    const member = { image_id: 'i1', member_id: 'p2', status: 'maybe', created_at: 'c', updated_at: 'u' };
    expect(await failure(apis({ body: { members: [member] } }).image.members.list('i1'))).toBe(
      'Glance answered GET /v2/images/i1/members with an unexpected body: "members[0].status" is not one of accepted, rejected, pending',
    );
    expect(await failure(apis({ body: { tasks: [{ id: 't', type: 'import', status: 'success', message: 3 }] } }).image.tasks.forImage('i1'))).toBe(
      'Glance answered GET /v2/images/i1/tasks with an unexpected body: "tasks[0].message" is not a string (3)',
    );
    expect(await failure(apis({ body: { 'import-methods': { value: 'glance-direct' } } }).image.imports.info())).toBe(
      'Glance answered GET /v2/info/import with an unexpected body: "import-methods.value" is not a list',
    );
    expect(await failure(apis({ body: { stores: [{ id: 'a', default: 1 }] } }).image.stores.info())).toBe(
      'Glance answered GET /v2/info/stores with an unexpected body: "stores[0].default" is not a boolean or a string (1)',
    );
    // Glance sends its store flags as strings ("default": "true", "read-only": "true").
    const stores = {
      stores: [
        { id: 'a', default: 'true' },
        { id: 'w', 'read-only': 'true' },
        { id: 'b', default: true },
      ],
    };
    expect(await apis({ body: stores }).image.stores.info()).toEqual(stores);
    expect(await failure(apis({ body: { versions: {} } }).image.versions.offers('v2.12'))).toBe(
      'Glance answered GET /versions with an unexpected body: "versions" is not a list',
    );
  });

  it('the image schema, recursively (items)', async () => {
    const schema = { name: 'image', properties: { tags: { type: 'array', items: { type: 'string', maxLength: -1 } } } };
    const session = new Session({ ...credentials, cache: false }, scriptedTransport({ body: schema }));
    expect(await failure(new ImageApi(session).schemas.imageSchema())).toBe(
      'Glance answered GET /v2/schemas/image with an unexpected body: "properties.tags.items.maxLength" is not a non-negative integer (-1)',
    );
  });

  it('a 204 where a record was expected is said so, not returned as undefined', async () => {
    expect(await failure(apis({ status: 204, body: '' }).image.images.get('i1'))).toBe(
      'Glance answered GET /v2/images/i1 with an unexpected body: there is none (HTTP 204)',
    );
  });

  it('calls without an answer body (delete, tags) take the 204 and read nothing', async () => {
    const { image } = apis({ status: 204, body: '' });
    await expect(image.images.delete('i1')).resolves.toBeUndefined();
    await expect(image.tags.add('i1', 'x')).resolves.toBeUndefined();
    await expect(image.members.delete('i1', 'p')).resolves.toBeUndefined();
  });
});

describe('identity resources', () => {
  it.each<[string, (api: IdentityApi) => Promise<unknown>, unknown, string]>([
    [
      'GET /v3/projects',
      (i) => i.projects.list(),
      { projects: [{ id: 'p', name: 'n', enabled: 'yes', domain_id: 'd' }] },
      '"projects[0].enabled" is not a boolean',
    ],
    ['GET /v3/auth/projects', (i) => i.projects.listForCurrentUser(), { projects: null }, '"projects" is not a list'],
    [
      'POST /v3/projects',
      (i) => i.projects.create({ name: 'n' }),
      { project: { id: 'p', name: 7, enabled: true, domain_id: 'd' } },
      '"project.name" is not a string (7)',
    ],
    ['GET /v3/users/u', (i) => i.users.get('u'), { user: { id: 'u', name: 'n', enabled: true, domain_id: 'd', email: 5 } }, '"user.email" is not a string (5)'],
    ['GET /v3/roles', (i) => i.roles.list(), { roles: [{ id: 'r' }] }, '"roles[0].name" is missing'],
    ['GET /v3/services', (i) => i.services.list(), { services: [{ id: 's', type: 'image' }] }, '"services[0].enabled" is missing'],
    [
      'GET /v3/endpoints',
      (i) => i.endpoints.list(),
      { endpoints: [{ id: 'e', service_id: 's', interface: 'private', url: 'u', enabled: true }] },
      '"endpoints[0].interface" is not one of public, internal, admin',
    ],
    ['GET /v3/domains', (i) => i.domains.list(), { domains: {} }, '"domains" is not a list'],
    ['GET /v3/regions/r', (i) => i.regions.find('r'), { region: { id: 3 } }, '"region.id" is not a string (3)'],
    [
      'GET /v3/role_assignments',
      (i) => i.roleAssignments.list({}),
      { role_assignments: [{ role: { id: 'r' }, scope: { project: {} } }] },
      '"role_assignments[0].scope.project.id" is missing',
    ],
    [
      'GET /v3/users/u/credentials/OS-EC2',
      (i) => i.ec2Credentials.list('u'),
      { credentials: [{ access: 'a', secret: 's', user_id: 'u' }] },
      '"credentials[0].tenant_id" is missing',
    ],
  ])('%s', async (request, call, body, problem) => {
    expect(await failure(call(apis({ body }).identity))).toBe(`Keystone answered ${request} with an unexpected body: ${problem}`);
  });

  it('a well-formed record comes back whole, extra attributes kept', async () => {
    const project = { id: 'p', name: 'n', enabled: true, domain_id: 'd', description: null, tags: [], options: {} };
    expect(await apis({ body: { project } }).identity.projects.get('p')).toEqual(project);
  });

  it('regions.find: a 404 is "no such region"', async () => {
    expect(await apis({ status: 404, body: { error: { message: 'no' } } }).identity.regions.find('r')).toBeUndefined();
  });
});

describe('authentication and discovery', () => {
  const password: Credentials = { ...credentials, authType: 'password', username: 'u', password: 'p', projectName: 'p' };
  const token = (over: Record<string, unknown>) => ({
    token: { expires_at: '2030-01-01T00:00:00.000000Z', user: { id: 'u', name: 'n' }, project: { id: 'p', name: 'p' }, catalog: [], ...over },
  });
  const answer = (body: unknown): Canned => ({ status: 201, headers: { 'x-subject-token': 'tok' }, body });

  it('a good token answer gives the auth state', async () => {
    const state = await authenticate(password, 'http://ks:5000/v3', scriptedTransport(answer(token({}))));
    expect(state).toMatchObject({ token: 'tok', userId: 'u', projectId: 'p', catalog: [] });
  });

  const endpoint = { id: 'e', interface: 'public', url: 'u' };
  const inCatalog = (endpoints: unknown) => token({ catalog: [{ id: 's', type: 'image', endpoints }] });
  it.each<[string, unknown, string]>([
    ['token not an object', { token: 'abc' }, '"token" is not an object'],
    ['expiry not a date', token({ expires_at: 'later' }), '"token.expires_at" is not a date'],
    ['no user id', token({ user: { name: 'n' } }), '"token.user.id" is missing'],
    ['catalog not a list', token({ catalog: {} }), '"token.catalog" is not a list'],
    ['endpoints not a list', inCatalog('x'), '"token.catalog[0].endpoints" is not a list'],
    ['endpoint without url', inCatalog([{ id: 'e', interface: 'public' }]), '"token.catalog[0].endpoints[0].url" is missing'],
    ['region a number', inCatalog([{ ...endpoint, region: 5 }]), '"token.catalog[0].endpoints[0].region" is not a string (5)'],
  ])('token answer, %s', async (_label, body, problem) => {
    expect(await failure(authenticate(password, 'http://ks:5000/v3', scriptedTransport(answer(body))))).toBe(
      `Keystone answered POST /v3/auth/tokens with an unexpected body: ${problem}`,
    );
  });

  it('a catalog endpoint in no region (null) is accepted', async () => {
    const catalog = [{ id: 's', type: 'image', endpoints: [{ ...endpoint, region: null, region_id: null }] }];
    expect((await authenticate(password, 'http://ks:5000/v3', scriptedTransport(answer(token({ catalog }))))).catalog).toEqual(catalog);
  });

  it('version discovery: a wrong shape is named, a page that is no JSON still means "no Keystone"', async () => {
    expect(await failure(discoverV3('http://ks:5000/v2.0', scriptedTransport({ status: 300, body: { versions: { values: 'v3' } } }), 30))).toBe(
      'Keystone answered GET / with an unexpected body: "versions.values" is not a list',
    );
    expect(await failure(discoverV3('http://ks:5000', scriptedTransport({ status: 300, body: 'null' }), 30))).toBe(
      'Keystone answered GET / with an unexpected body: the body is not an object',
    );
    expect(await failure(discoverV3('http://ks:5000', scriptedTransport({ status: 200, body: '<html>' }), 30))).toBe(
      'The server at http://ks:5000 offers no Identity v3 API (found no version list).',
    );
    expect(await discoverVersions(scriptedTransport({ status: 200, body: '<html>' }), 'http://ks:5000/', 30)).toBeUndefined();
    expect(await failure(discoverVersions(scriptedTransport({ status: 200, body: { version: { id: 'v3' } } }), 'http://ks:5000/v3', 30))).toBe(
      'Keystone answered GET /v3 with an unexpected body: "version.status" is missing',
    );
  });
});

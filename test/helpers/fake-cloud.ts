// A fake Keystone and a fake Glance on 127.0.0.1 (node:http) that answer with whatever body a test
// sets, byte for byte: for malformed answers a real cloud never sends (1e999, lists for objects…).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Raw JSON texts the fakes answer with; change them between runs. */
export interface Answers {
  /** POST /v3/auth/tokens (201, with an X-Subject-Token). */
  token: string;
  /** GET /v2/images (any query). */
  images: string;
  /** GET /v2/images/{id}. */
  image: string;
}

export interface FakeCloud {
  /** OS_AUTH_URL for the fake Keystone (ends in /v3: no discovery). */
  authUrl: string;
  /** The image endpoint the default token's catalog names. */
  imageUrl: string;
  answers: Answers;
  /** Puts back the well-formed answers. */
  reset(): void;
  /** The catalog entry for the fake Glance, for tests that build their own token. */
  imageService: Record<string, unknown>;
  tokenText(token: Record<string, unknown>): string;
  close(): Promise<void>;
}

export const IMAGE_ID = '5f2e9d3a-6c1b-4e8f-9a7d-2b4c6e8f0a1c';

/** A well-formed Glance v2 image record. */
export const GOOD_IMAGE = {
  id: IMAGE_ID,
  name: 'cirros',
  status: 'active',
  visibility: 'public',
  protected: false,
  disk_format: 'qcow2',
  container_format: 'bare',
  size: 1024,
  virtual_size: null,
  checksum: null,
  os_hash_algo: null,
  os_hash_value: null,
  min_ram: 0,
  min_disk: 0,
  owner: 'p1',
  os_hidden: false,
  created_at: '2030-01-01T00:00:00Z',
  updated_at: '2030-01-01T00:00:00Z',
  tags: [],
  self: `/v2/images/${IMAGE_ID}`,
  file: `/v2/images/${IMAGE_ID}/file`,
  schema: '/v2/schemas/image',
};

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(req, res));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const portOf = (server: Server): number => (server.address() as AddressInfo).port;

function send(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export async function startFakeCloud(): Promise<FakeCloud> {
  const answers: Answers = { token: '', images: '', image: '' };
  const keystone = await listen((req, res) => {
    if (req.method === 'POST' && req.url === '/v3/auth/tokens') send(res, 201, answers.token, { 'X-Subject-Token': 'fake-token' });
    else send(res, 404, '{"error": {"code": 404, "message": "not here"}}');
  });
  const glance = await listen((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/v2/images') send(res, 200, answers.images);
    else if (req.method === 'GET' && path === `/v2/images/${IMAGE_ID}`) send(res, 200, answers.image);
    else send(res, 404, '{"message": "not here", "code": "404 Not Found", "title": "Not Found"}');
  });
  const imageUrl = `http://127.0.0.1:${portOf(glance)}`;
  const imageService = {
    id: 'svc-image',
    type: 'image',
    name: 'glance',
    endpoints: [{ id: 'ep1', interface: 'public', region_id: 'RegionOne', region: 'RegionOne', url: imageUrl }],
  };
  const tokenText = (token: Record<string, unknown>) => JSON.stringify({ token });
  const goodToken = {
    expires_at: '2999-01-01T00:00:00.000000Z',
    user: { id: 'u1', name: 'admin' },
    project: { id: 'p1', name: 'admin' },
    catalog: [imageService],
  };
  const reset = () =>
    Object.assign(answers, { token: tokenText(goodToken), images: JSON.stringify({ images: [GOOD_IMAGE] }), image: JSON.stringify(GOOD_IMAGE) });
  reset();
  return {
    authUrl: `http://127.0.0.1:${portOf(keystone)}/v3`,
    imageUrl,
    answers,
    reset,
    imageService,
    tokenText: (token) => tokenText({ ...goodToken, ...token }),
    close: async () => {
      keystone.closeAllConnections();
      glance.closeAllConnections();
      await Promise.all([keystone, glance].map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}

// Shared by the tests of the v2-only glance commands (members, tags, locations, import, tasks):
// a data server on 127.0.0.1, the reference python-glanceclient, and images deleted afterwards.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Image } from '../../src/api/image/images.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { adminEnv, cloud } from '../helpers/cloud.js';
import { makeTestDeps } from '../helpers/deps.js';
import { runGlanceclient } from '../helpers/python-glance.js';

export const suffix = (): string => randomBytes(4).toString('hex');

export interface DataServer {
  url(path: string): string;
  /** Paths requested so far. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `files` (path → bytes) on an ephemeral 127.0.0.1 port; anything else is 404. */
export async function serveFiles(files: Record<string, Buffer>): Promise<DataServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = files[req.url ?? ''];
    if (!body) {
      res.writeHead(404).end('not here');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Our glance, in the v2 dialect unless told otherwise. */
export function ours(args: readonly string[], dialect: 1 | 2 = 2, input?: Buffer): Promise<CliResult> {
  return runCli('glance', args, { env: adminEnv(dialect === 2 ? { OS_IMAGE_API_VERSION: '2' } : {}), input });
}

/** /usr/bin/glance (python-glanceclient 4.1.0) on the same cloud, stdin closed (`<&-`: else it reads stdin as image data). */
export function reference(args: readonly string[]): Promise<CliResult> {
  const env = {
    PATH: '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    ...adminEnv(),
    OS_PROJECT_NAME: cloud().admin_project,
    OS_USER_DOMAIN_NAME: 'Default',
    OS_PROJECT_DOMAIN_NAME: 'Default',
    OS_IDENTITY_API_VERSION: '3',
  };
  return runGlanceclient(['--os-image-api-version', '2', ...args], env);
}

/** Images made through the API, deleted by cleanup(). */
export function imageFactory() {
  const deps = makeTestDeps();
  const made: string[] = [];
  return {
    deps,
    async create(fields: Record<string, unknown>): Promise<Image> {
      const image = await (await deps.image()).images.create(fields);
      made.push(image.id);
      return image;
    },
    track(id: string): void {
      made.push(id);
    },
    async get(id: string): Promise<Image> {
      return (await deps.image()).images.get(id);
    },
    async cleanup(): Promise<void> {
      const api = await deps.image();
      for (const id of made) {
        const image = await api.images.get(id).catch(() => undefined);
        if (image?.status === 'deactivated') await api.lifecycle.reactivate(id).catch(() => undefined);
        await api.images.delete(id).catch(() => undefined);
      }
    },
  };
}

/** Polls until the image reaches `status` (imports finish in the background). */
export async function waitForStatus(get: () => Promise<Image>, status: string, timeoutMs = 30_000): Promise<Image> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const image = await get();
    if (image.status === status || Date.now() > deadline) return image;
    await new Promise((r) => setTimeout(r, 300));
  }
}

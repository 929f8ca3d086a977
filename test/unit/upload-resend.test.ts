// An image's data sent again after the server closed its kept-alive connection as the upload went
// out (the transport's STALE_CONNECTION resend): what the upload reports and hashes is the resend's
// alone, also when the abandoned attempt still finishes a slow read. From a local server that
// resets on demand (a real Glance will not), through the real transport and upload code.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImageDataApi } from '../../src/api/image/data.js';
import type { Session } from '../../src/session/session.js';
import { HttpTransport, type HttpRequest } from '../../src/http/transport.js';
import { ConnectionLane } from '../../src/http/wire.js';
import { uploadHashing } from '../../src/cli/glance/support/seed-upload.js';
import type { SeedContext } from '../../src/cli/glance/support/seed-common.js';
import type { SeedEntry } from '../../src/cli/glance/support/seed-manifest.js';
import type { Image } from '../../src/api/image/images.js';
import { keepAliveResetServer } from '../helpers/keep-alive-reset-server.js';

const MiB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'osc-resend-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'image.raw');
const bytes = randomBytes(3 * MiB + 5);
writeFileSync(file, bytes);
const md5 = createHash('md5').update(bytes).digest('hex');

/** Connection 1 resets the second request once a little of its body has come; later connections wait `pauseMs` before reading. */
const resettingServer = (pauseMs: number) => keepAliveResetServer({ resetDelayMs: 50, pauseMs });

/** The session's request, straight to the transport (no auth, no catalog). */
function sessionOn(transport: HttpTransport, base: string): Session {
  const request = (_service: string, req: Omit<HttpRequest, 'url'> & { path: string }) => transport.request({ ...req, url: base + req.path });
  return { request } as unknown as Session;
}

describe('an upload sent again after its kept-alive connection closed under it', () => {
  it('reports the resend alone: progress back to zero and up to the size, hashes of the data once', async () => {
    const server = await resettingServer(0);
    const transport = new HttpTransport({ timeoutSeconds: 10 });
    const lane = new ConnectionLane();
    const data = new ImageDataApi(sessionOn(transport, server.url));
    try {
      await (await transport.request({ method: 'PUT', url: `${server.url}/warm`, body: 'x', lane })).body.dump();
      await new Promise((resolve) => setImmediate(resolve)); // the lane's connection is free again: the upload reuses it
      let progress = 0;
      let peak = 0;
      const sent = await data.upload('x', { file }, { size: bytes.length, lane, onProgress: (n) => (peak = Math.max(peak, (progress += n))) });
      expect(server.connections()).toBe(2);
      expect(sent.bytes).toBe(bytes.length);
      expect(sent.md5).toBe(md5);
      // Before, the abandoned attempt's bytes stayed counted: the bar went past the size.
      expect(progress).toBe(bytes.length);
      expect(peak).toBe(bytes.length);
    } finally {
      await transport.close();
      server.close();
    }
  });

  it("image-seed's hashes are the resend's, though the abandoned attempt finishes a slow read during it", async () => {
    // Before, both attempts fed the same md5 and sha256, and the image Glance stored right was refused as "not stored as read".
    const server = await resettingServer(1000);
    const transport = new HttpTransport({ timeoutSeconds: 10 });
    const lane = new ConnectionLane();
    const handle = await open(file, 'r');
    const prototype = Object.getPrototypeOf(handle) as { read: (...args: unknown[]) => Promise<unknown> };
    await handle.close();
    const read = prototype.read;
    let slowed = false;
    // The first attempt's read of its second MiB takes 600 ms: it ends while the resend is sending.
    prototype.read = async function (this: unknown, ...args: unknown[]) {
      const result = await read.apply(this, args);
      if (!slowed && args[3] === MiB) {
        slowed = true;
        await new Promise((resolve) => setTimeout(resolve, 600));
      }
      return result;
    };
    const image = { id: 'x', status: 'active', size: bytes.length, checksum: md5, os_hash_algo: 'sha512', os_hash_value: null } as unknown as Image;
    let recorded: Record<string, unknown> = {};
    const api = {
      data: new ImageDataApi(sessionOn(transport, server.url)),
      images: {
        get: async () => image,
        update: async (_id: string, ops: Array<{ path: string; value: unknown }>) => {
          recorded = Object.fromEntries(ops.map((op) => [op.path.slice(1), op.value]));
          return image;
        },
      },
    };
    const ctx = { api, lane, cacheDir: join(dir, 'hashes') } as unknown as SeedContext;
    const entry = { name: 'resent', stores: [], source: { kind: 'file', shown: 'image.raw', path: file } } as unknown as SeedEntry;
    try {
      await (await transport.request({ method: 'PUT', url: `${server.url}/warm`, body: 'x', lane })).body.dump();
      await new Promise((resolve) => setImmediate(resolve)); // the lane's connection is free again: the upload reuses it
      await uploadHashing(ctx, entry, image, file, () => undefined);
      expect(slowed).toBe(true);
      expect(recorded['owner_specified.openstack.md5']).toBe(md5);
      expect(recorded['owner_specified.openstack.sha256']).toBe(createHash('sha256').update(bytes).digest('hex'));
    } finally {
      prototype.read = read;
      await transport.close();
      server.close();
    }
  }, 20_000);
});

// Ctrl-C during an upload deletes the half-made image and exits 130; the image schema is
// fetched once and then read from the disk cache.
import { spawn } from 'node:child_process';
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_HOME, ROOT } from '../helpers/cli.js';
import { cloud } from '../helpers/cloud.js';
import { deleteNamed, env, glance, idsNamed, randomFile, unique } from './glance-helpers.js';

const names: string[] = [];
afterAll(() => deleteNamed(...names));

/** A proxy to Glance that stops passing request bytes on after `limit` (the upload hangs). */
async function stallingProxy(limit: number): Promise<{ url: string; close(): void }> {
  const target = new URL(cloud().glance_url);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let carried = 0;
    client.on('data', (chunk: Buffer) => {
      carried += chunk.length;
      if (carried <= limit) upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    for (const s of [client, upstream]) s.on('error', () => undefined);
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

describe('Ctrl-C during an upload', () => {
  it('deletes the image it created, says so, and exits 130', async () => {
    const name = unique('interrupted');
    names.push(name);
    const proxy = await stallingProxy(200_000);
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'bin', 'glance'),
        '--os-image-url',
        proxy.url,
        'image-create',
        '--name',
        name,
        '--disk-format',
        'raw',
        '--container-format',
        'bare',
        '--file',
        randomFile(4 * 1024 * 1024),
      ],
      {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: CACHE_HOME, ...env() },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Wait until the image exists (queued, its upload stalled), then press Ctrl-C.
    for (let i = 0; i < 50 && (await idsNamed(name)).length === 0; i++) await new Promise((r) => setTimeout(r, 200));
    expect(await idsNamed(name)).toHaveLength(1);
    const code = await new Promise<number | null>((resolve) => {
      child.on('close', resolve);
      child.kill('SIGINT');
    });
    proxy.close();
    expect(code).toBe(130);
    expect(stderr).toMatch(/Upload interrupted: image [0-9a-f-]{36} was deleted\.\n$/);
    expect(await idsNamed(name)).toEqual([]);
  }, 60_000);
});

describe('the image schema cache', () => {
  it('is fetched once, then read from disk', async () => {
    const schemaFetches = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('REQ:') && l.includes('/v2/schemas/image')).length;
    const first = await glance(['--debug', 'image-create', '--name', unique('never'), '--disk-format', 'nope']);
    expect(first.code).toBe(1);
    const second = await glance(['--debug', 'image-create', '--name', unique('never'), '--disk-format', 'nope']);
    expect(second.code).toBe(1);
    expect(schemaFetches(first.stderr)).toBe(1);
    expect(schemaFetches(second.stderr)).toBe(0);
    const fresh = await glance(['--debug', '--no-cache', 'image-create', '--name', unique('never'), '--disk-format', 'nope']);
    expect(schemaFetches(fresh.stderr)).toBe(1);
  });
});

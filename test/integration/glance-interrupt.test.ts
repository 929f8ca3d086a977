// SIGINT, SIGTERM and SIGHUP during an upload delete the half-made image, during a download
// remove the .part file, and exit 128 + the signal (130, 143, 129); the image schema is fetched
// once and then read from the disk cache.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_HOME, ROOT } from '../helpers/cli.js';
import { cloud } from '../helpers/cloud.js';
import { deleteNamed, env, glance, idsNamed, randomFile, unique } from './glance-helpers.js';

const names: string[] = [];
afterAll(() => deleteNamed(...names));

// First: the tests below fetch (and cache) the schema.
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

/** A proxy to Glance that stops passing bytes on after `limit` in one direction (the transfer hangs). */
async function stallingProxy(direction: 'request' | 'response', limit: number): Promise<{ url: string; close(): void }> {
  const target = new URL(cloud().glance_url);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    const pass = (from: Socket, to: Socket, bounded: boolean): void => {
      let carried = 0;
      from.on('data', (chunk: Buffer) => {
        carried += chunk.length;
        if (!bounded || carried <= limit) to.write(chunk);
      });
    };
    pass(client, upstream, direction === 'request');
    pass(upstream, client, direction === 'response');
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

/** The built glance, started without waiting for it. */
function startGlance(args: readonly string[]) {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'glance'), ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: CACHE_HOME, ...env() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return {
    stderr: () => stderr,
    /** Sends the signal; resolves with the exit code (null if the process died of the signal). */
    signal: (signal: NodeJS.Signals) =>
      new Promise<number | null>((resolve) => {
        child.on('close', resolve);
        child.kill(signal);
      }),
  };
}

async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  for (let i = 0; i < 100 && !(await condition()); i++) await new Promise((r) => setTimeout(r, 100));
}

const CASES = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const;

describe.each(CASES)('%s during an upload', (signal, exitCode) => {
  it(`deletes the image it created, says so, and exits ${exitCode}`, async () => {
    const name = unique('interrupted');
    names.push(name);
    const proxy = await stallingProxy('request', 200_000);
    const file = randomFile(4 * 1024 * 1024);
    const run = startGlance([
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
      file,
    ]);
    // Wait until the image exists (queued, its upload stalled), then signal.
    await until(async () => (await idsNamed(name)).length > 0);
    expect(await idsNamed(name)).toHaveLength(1);
    const code = await run.signal(signal);
    proxy.close();
    expect(code).toBe(exitCode);
    expect(run.stderr()).toMatch(new RegExp(`\\.\\.\\. terminating \\(${signal}\\)\nUpload interrupted: image [0-9a-f-]{36} was deleted\\.\n$`));
    expect(await idsNamed(name)).toEqual([]);
  }, 60_000);
});

describe.each(CASES)('%s during a download', (signal, exitCode) => {
  let id: string;
  beforeAll(async () => {
    const name = unique('to-download');
    names.push(name);
    const made = await glance(['image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare', '--file', randomFile(4 * 1024 * 1024)]);
    expect(made.code).toBe(0);
    id = (await idsNamed(name))[0]!;
  }, 60_000);

  it(`removes the .part file, says so, and exits ${exitCode}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'download-signal-'));
    const proxy = await stallingProxy('response', 500_000);
    const run = startGlance(['--os-image-url', proxy.url, 'image-download', '--file', join(dir, 'image.raw'), id]);
    // Wait until the data is being written (the .part file exists, the rest of the body stalled).
    await until(() => readdirSync(dir).length > 0);
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^\.image\.raw\..*\.part$/)]);
    const code = await run.signal(signal);
    proxy.close();
    expect(code).toBe(exitCode);
    expect(run.stderr()).toMatch(
      new RegExp(
        `\\.\\.\\. terminating \\(${signal}\\)\nDownload interrupted: the partial file .*\\.part was removed; nothing was saved as .*image\\.raw\\.\n$`,
      ),
    );
    expect(readdirSync(dir)).toEqual([]);
    rmSync(dir, { recursive: true });
  }, 60_000);
});

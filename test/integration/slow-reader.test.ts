// Output larger than a pipe holds (64 KiB), read slowly (`glance image-list | less`, over ssh): all of
// it arrives, from the program and from a replayed answer (src/cli/replay.ts) alike, on stdout and
// (a failure's long message) on stderr. process.exit() drops what the pipe has not taken yet; both
// wait for it first (exitAfterOutput). Output that cannot be written (`>/dev/full`) is a failure.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { type FakeCloud, GOOD_IMAGE, startFakeCloud } from '../helpers/fake-cloud.js';
import { json, startHostileGlance } from '../helpers/hostile-glance.js';

const IMAGES = 3000;
let cloud: FakeCloud;

beforeAll(async () => {
  cloud = await startFakeCloud();
  const images = Array.from({ length: IMAGES }, (_, i) => ({
    ...GOOD_IMAGE,
    id: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
    name: `image-${i}`,
  }));
  cloud.answers.images = JSON.stringify({ images });
});
afterAll(async () => cloud?.close());

/** Runs glance with stdout and stderr on pipes nobody reads for `delayMs`; resolves to the exit code and every byte written. */
function slowlyRead(args: string[], env: Record<string, string>, delayMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'bin/glance'), args, {
      env: { PATH: process.env.PATH!, HOME: process.env.HOME!, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    for (const stream of [child.stdout, child.stderr]) stream.pause();
    setTimeout(() => {
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
      for (const stream of [child.stdout, child.stderr]) stream.resume();
    }, delayMs);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

describe('a slow reader of a long listing', () => {
  it('gets every line, from the program and from a replayed answer', async () => {
    const env = {
      OS_AUTH_URL: cloud.authUrl,
      OS_USERNAME: 'admin',
      OS_PASSWORD: 'pw',
      OS_PROJECT_NAME: 'admin',
      XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'osc-slow-')),
    };
    const runs = [];
    // The program (it records the replay), the replay, and the program without the cache.
    for (const args of [['image-list'], ['image-list'], ['--no-cache', 'image-list']]) runs.push(await slowlyRead(args, env, 700));
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n')).toHaveLength(IMAGES + 5); // 3 rules, the header, a row per image, the last newline
    }
    expect(new Set(runs.map((run) => run.stdout)).size).toBe(1);
  }, 60_000);

  it("gets all of a failure's long message on stderr", async () => {
    const glance = await startHostileGlance();
    try {
      const message = `${'x'.repeat(300_000)}-END`;
      glance.answer = (_req, res) => json(res, 400, { message });
      const run = await slowlyRead(['--os-image-api-version', '2', 'image-list'], { OS_AUTH_TOKEN: 't', OS_IMAGE_URL: glance.origin }, 700);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('-END');
    } finally {
      await glance.close();
    }
  }, 60_000);
});

describe('output that cannot be written (>/dev/full)', () => {
  /** `sh -c script`, without blocking this process (the fake cloud answers from it). */
  const sh = (script: string, env: Record<string, string>): Promise<{ status: number | null; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn('sh', ['-c', script], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (status) => resolve({ status, stderr }));
    });

  it('is a failure with one line, from the entry, the program and a replayed answer', async () => {
    const env = {
      PATH: process.env.PATH!,
      HOME: process.env.HOME!,
      OS_AUTH_URL: cloud.authUrl,
      OS_USERNAME: 'admin',
      OS_PASSWORD: 'pw',
      OS_PROJECT_NAME: 'admin',
      XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'osc-full-')),
      GLANCE: join(ROOT, 'bin/glance'),
    };
    expect((await sh('"$GLANCE" image-list >/dev/null', env)).status).toBe(0); // records the replay
    for (const args of ['--version', 'image-list', '--no-cache image-list']) {
      const run = await sh(`"$GLANCE" ${args} >/dev/full`, env);
      expect([run.status, run.stderr]).toEqual([1, 'glance: the output could not be written: ENOSPC: no space left on device, write\n']);
    }
  });
});

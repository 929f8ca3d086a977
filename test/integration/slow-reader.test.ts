// Output larger than a pipe holds (64 KiB), read slowly (`glance image-list | less`, over ssh): all of
// it arrives, from the program and from a replayed answer (src/cli/replay.ts) alike. process.exit()
// drops what the pipe has not taken yet; both wait for stdout first (exitAfterStdout).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { type FakeCloud, GOOD_IMAGE, startFakeCloud } from '../helpers/fake-cloud.js';

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

/** Runs glance with stdout on a pipe nobody reads for `delayMs`; resolves to the exit code and every byte written. */
function slowlyRead(args: string[], env: Record<string, string>, delayMs: number): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'bin/glance'), args, {
      env: { PATH: process.env.PATH!, HOME: process.env.HOME!, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const chunks: Buffer[] = [];
    child.stdout.pause();
    setTimeout(() => {
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stdout.resume();
    }, delayMs);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(chunks).toString('utf8') }));
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
});

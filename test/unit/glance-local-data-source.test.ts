// --file as image data: a readable regular file; anything else is refused saying what it is.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { imageSource } from '../../src/cli/glance/support/local-data-source.js';

const dir = mkdtempSync(join(tmpdir(), 'data-source-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const noStdin = { stdinData: () => undefined };
const refusal = (file: string) => {
  try {
    imageSource(file, noStdin);
  } catch (err) {
    return { message: (err as Error).message, exitCode: (err as { exitCode?: number }).exitCode };
  }
  throw new Error(`${file} was accepted`);
};

describe('--file', () => {
  it('takes a regular file, with its size', () => {
    writeFileSync(join(dir, 'disk.raw'), 'abc');
    expect(imageSource(join(dir, 'disk.raw'), noStdin)).toMatchObject({ origin: '--file', size: 3, path: join(dir, 'disk.raw') });
  });

  it('refuses a directory, a FIFO and a device saying what each is (was: "does not exist or user does not have read privileges")', () => {
    expect(refusal(dir)).toEqual({ exitCode: 1, message: `File ${dir} is a directory: --file takes a regular file (or give a pipe as stdin)` });
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(refusal(fifo)).toEqual({ exitCode: 1, message: `File ${fifo} is a FIFO: give it as stdin (< ${fifo}) instead of with --file` });
    expect(refusal('/dev/zero')).toEqual({
      exitCode: 1,
      message: 'File /dev/zero is a character device: --file takes a regular file (or give a pipe as stdin)',
    });
  });

  it("keeps glanceclient's message for a missing file", () => {
    expect(refusal(join(dir, 'missing'))).toEqual({
      exitCode: 1,
      message: `File ${join(dir, 'missing')} does not exist or user does not have read privileges to it`,
    });
  });
});

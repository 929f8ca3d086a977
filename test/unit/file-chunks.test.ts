// fileChunks: a file's bytes in order through three reused buffers; each chunk stays intact until
// two more were asked for; read errors reach the consumer (also one that happens while the
// consumer holds a chunk) and the file is always closed.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('node:fs/promises', async (original) => (await import('../helpers/failing-reads.js')).withFailingReads(await original()));

// Unit test files share one module registry (isolate: false in vitest.config.ts): start afresh so
// file-chunks (maybe imported already by another file, with the real fs) and readFault are the ones
// this mock makes.
vi.resetModules();
const { readFault } = await import('../helpers/failing-reads.js');
const { fileChunks } = await import('../../src/api/image/file-chunks.js');

const dir = mkdtempSync(join(tmpdir(), 'osc-file-chunks-'));
function fileOf(bytes: number): { path: string; data: Buffer } {
  const data = randomBytes(bytes);
  const path = join(dir, `f-${bytes}-${Math.random().toString(36).slice(2)}`);
  writeFileSync(path, data);
  return { path, data };
}

afterEach(() => {
  readFault.failAfter = undefined;
  readFault.closed = 0;
});

describe('fileChunks', () => {
  it('yields the whole file in order, in chunks of at most chunkBytes', async () => {
    const { path, data } = fileOf(10 * 1000 + 123);
    const sizes: number[] = [];
    const copies: Buffer[] = [];
    for await (const chunk of fileChunks(path, 1000)) {
      sizes.push(chunk.length);
      copies.push(Buffer.from(chunk));
    }
    expect(sizes).toEqual([...Array(10).fill(1000), 123]);
    expect(Buffer.concat(copies).equals(data)).toBe(true);
  });

  it('an empty file yields nothing', async () => {
    const { path } = fileOf(0);
    const chunks: Buffer[] = [];
    for await (const chunk of fileChunks(path)) chunks.push(chunk);
    expect(chunks).toEqual([]);
  });

  it('a chunk is still intact after the next one was asked for (its buffer is reused only after two more)', async () => {
    const { path, data } = fileOf(8 * 1000);
    const chunks = fileChunks(path, 1000);
    let previous: Buffer | undefined;
    let offset = 0;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      // The next read is already under way when a chunk is handed out: let it land.
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (previous) expect(previous.equals(data.subarray(offset - 1000, offset))).toBe(true);
      expect(next.value.equals(data.subarray(offset, offset + 1000))).toBe(true);
      previous = next.value;
      offset += next.value.length;
    }
    expect(offset).toBe(data.length);
  });

  it('a read that fails while the consumer holds a chunk: the error reaches the consumer, nothing is unhandled, the file is closed', async () => {
    const { path } = fileOf(5 * 1000);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      readFault.failAfter = 2;
      const got: number[] = [];
      const consume = async () => {
        for await (const chunk of fileChunks(path, 1000)) {
          got.push(chunk.length);
          await new Promise((resolve) => setTimeout(resolve, 10)); // the failing read settles meanwhile
        }
      };
      await expect(consume()).rejects.toThrow(/EIO/);
      expect(got).toEqual([1000, 1000]);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
      expect(readFault.closed).toBe(1);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a consumer that stops early closes the file (after the read in flight)', async () => {
    const { path } = fileOf(5 * 1000);
    readFault.failAfter = 100; // counts close() only
    for await (const chunk of fileChunks(path, 1000)) {
      expect(chunk.length).toBe(1000);
      break;
    }
    expect(readFault.closed).toBe(1);
  });
});

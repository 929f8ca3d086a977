// A read error in the middle of a regular file cannot be produced on demand. A test mocks
// node:fs/promises with withFailingReads(); then, while readFault.failAfter is set, open() returns
// handles whose reads fail (EIO) after that many good ones; readFault.closed counts their close().
//   vi.mock('node:fs/promises', async (original) => (await import('../helpers/failing-reads.js')).withFailingReads(await original()));
import type * as FsPromises from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

export const readFault = { failAfter: undefined as number | undefined, closed: 0 };

export function withFailingReads(real: typeof FsPromises): typeof FsPromises {
  return {
    ...real,
    open: async (...args: Parameters<typeof real.open>) => {
      const handle = await real.open(...args);
      const failAfter = readFault.failAfter;
      if (failAfter === undefined) return handle;
      let reads = 0;
      return {
        read: (...readArgs: Parameters<FileHandle['read']>) =>
          reads++ < failAfter ? handle.read(...readArgs) : Promise.reject(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' })),
        close: async () => {
          readFault.closed++;
          await handle.close();
        },
      } as unknown as FileHandle;
    },
  };
}

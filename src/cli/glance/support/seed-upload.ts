// A file no image of its name holds yet, seeded in one read: uploaded while its md5 and sha256 (the
// two hashes openstacksdk records) are computed on the way, the file opened once so that its
// identity (the hash cache's key) is that of the bytes read. Glance computes the md5 of what it
// stores for every image (`checksum`, whatever its os_hash_algo): it must equal ours, or the bytes
// were changed on the way (a proxy, a filter in front of Glance: the probe flipped one byte and got
// an image the re-run reused) and the image is deleted. Its sha512 (`os_hash_value`) is then the
// file's too, and the hash cache and openstacksdk's properties are recorded, so a re-run finds the
// image without reading the file. The md5 replaced the client's sha512 (it was compared with
// `os_hash_value`): as costly, but every cloud has it. Only for entries without an upstream
// checksum: one must be verified before the image can become active, so those are hashed first.
import { createHash, type Hash } from 'node:crypto';
import { fileChunks } from '../../../api/image/file-chunks.js';
import type { Image } from '../../../api/image/images.js';
import { openstackSdkProperties } from '../../../api/image/reuse.js';
import { CliError } from '../../../errors.js';
import { fileIdentity, openToRead } from '../../../hashes/file-hashes.js';
import { HashCache, sameIdentity } from '../../../hashes/hash-cache.js';
import { progressLine, type Report, type SeedContext, sourceName } from './seed-common.js';
import type { SeedEntry } from './seed-manifest.js';

const SHA512 = /^[0-9a-f]{128}$/;

export async function uploadHashing(ctx: SeedContext, entry: SeedEntry, image: Image, path: string, report: Report): Promise<Image> {
  const { api } = ctx;
  // One descriptor for the identity and the bytes: the identity recorded is the file read's.
  const readFrom = Date.now();
  const file = await openToRead(path);
  try {
    const before = file.identity;
    const size = Number(before.size);
    // Hashed from the start each time it is read (the upload reads it again after a kept-alive
    // connection closed under it), each attempt into hashes of its own: an abandoned one may still
    // finish a read in flight, and must not feed the next one's. The upload counts the progress.
    let last: { md5: Hash; sha256: Hash } | undefined;
    async function* hashed(): AsyncGenerator<Buffer> {
      const attempt = { md5: createHash('md5'), sha256: createHash('sha256') };
      last = attempt;
      for await (const chunk of fileChunks(file.handle)) {
        attempt.md5.update(chunk);
        attempt.sha256.update(chunk);
        yield chunk;
      }
    }
    const progress = progressLine('uploading', size, report);
    await api.data.upload(image.id, { chunks: hashed }, { size, store: entry.stores[0], hash: false, lane: ctx.lane, onProgress: (n) => progress.advance(n) });
    const { md5, sha256 } = last!;
    const stored = await api.images.get(image.id);
    const md5Hex = md5.digest('hex');
    const sha256Hex = sha256.digest('hex');
    // The file read did not change, and the path still names it.
    const unchanged = sameIdentity(before, await file.identityNow()) && sameIdentity(before, fileIdentity(path));
    if (stored.status !== 'active' || stored.size !== size || stored.checksum !== md5Hex || !unchanged)
      throw new CliError(
        `${sourceName(entry)} was not stored as read (sent ${size} bytes with MD5 ${md5Hex}, Glance has ${stored.size} bytes with MD5 ${stored.checksum}, ${stored.status}; or the file changed): seed it again`,
      );
    // A cloud configured with another os_hash_algo gives no sha512: the cache, which finds images
    // by it, is left alone and a re-run hashes the file (openstacksdk's properties still find it).
    if (stored.os_hash_algo === 'sha512' && SHA512.test(stored.os_hash_value ?? ''))
      new HashCache(ctx.cacheDir).store(before, { size, md5: md5Hex, sha256: sha256Hex, sha512: stored.os_hash_value! }, readFrom);
    const recorded = Object.entries(openstackSdkProperties(entry.name, { md5: md5Hex, sha256: sha256Hex })).map(([key, value]) => ({
      op: 'add' as const,
      path: `/${key}`,
      value,
    }));
    return await api.images.update(image.id, recorded);
  } finally {
    await file.close();
  }
}

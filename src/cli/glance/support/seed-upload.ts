// A file no image of its name holds yet, seeded in one read: uploaded while its sha256 and sha512
// are computed on the way (the costly md5 is Glance's `checksum`, trusted once Glance's sha512 of
// what arrived equals ours), then recorded in the hash cache and as openstacksdk's properties, so a
// re-run finds the image without reading the file. Only for entries without an upstream checksum:
// one must be verified before the image can become active, so those are hashed first.
import { createHash } from 'node:crypto';
import { fileChunks } from '../../../api/image/file-chunks.js';
import type { Image } from '../../../api/image/images.js';
import { openstackSdkProperties } from '../../../api/image/reuse.js';
import { CliError } from '../../../errors.js';
import { fileIdentity } from '../../../hashes/file-hashes.js';
import { HashCache, sameIdentity } from '../../../hashes/hash-cache.js';
import { progressLine, type Report, type SeedContext, sourceName } from './seed-common.js';
import type { SeedEntry } from './seed-manifest.js';

export async function uploadHashing(ctx: SeedContext, entry: SeedEntry, image: Image, path: string, report: Report): Promise<Image> {
  const { api } = ctx;
  const before = fileIdentity(path);
  const size = Number(before.size);
  const progress = progressLine('uploading', size, report);
  const sha256 = createHash('sha256');
  const sha512 = createHash('sha512');
  async function* hashed(): AsyncGenerator<Buffer> {
    for await (const chunk of fileChunks(path)) {
      sha256.update(chunk);
      sha512.update(chunk);
      progress.advance(chunk.length);
      yield chunk;
    }
  }
  await api.data.upload(image.id, { stream: hashed() }, { size, store: entry.stores[0], hash: false });
  const hashes = { size, sha256: sha256.digest('hex'), sha512: sha512.digest('hex') };
  const stored = await api.images.get(image.id);
  const sameData = stored.os_hash_algo === 'sha512' && stored.os_hash_value === hashes.sha512 && stored.size === size && stored.checksum;
  if (stored.status !== 'active' || !sameData || !sameIdentity(before, fileIdentity(path)))
    throw new CliError(`${sourceName(entry)} was not stored as read (Glance has ${stored.size} bytes, ${stored.status}; or the file changed): seed it again`);
  const known = { ...hashes, md5: stored.checksum! };
  new HashCache(ctx.cacheDir).store(before, known);
  const recorded = Object.entries(openstackSdkProperties(entry.name, known)).map(([key, value]) => ({ op: 'add' as const, path: `/${key}`, value }));
  return api.images.update(image.id, recorded);
}

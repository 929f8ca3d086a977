// Whether any active image of a name and formats is in the caller's project: when none is, there is
// nothing to reuse, and image-seed can upload a file without hashing it first.
import { currentProject } from './reuse.js';
import type { ImageApi } from './index.js';

export async function activeImageNamed(api: ImageApi, query: { name: string; diskFormat: string; containerFormat: string }): Promise<boolean> {
  const owner = await currentProject(api);
  const images = await api.images.list(
    { name: `eq:${query.name}`, owner, status: 'active', disk_format: `eq:${query.diskFormat}`, container_format: `eq:${query.containerFormat}` },
    { limit: 1 },
  );
  return images.some((image) => image.name === query.name && image.owner === owner);
}

// 2,600 images on the REAL local cloud for listing tests at scale, made once with straight API calls
// (concurrent POST /v2/images, a few PUT …/file) and reused by later runs. They stay out of every
// other listing: owner "osc-listing-scale" (no such project), visibility community (an admin sees
// another owner's community images only when asking for that visibility) and os_hidden (hidden
// images are listed only with --hidden). Their values mix what sorting finds hard: NULL, '' and
// shared names, names in capitals and beyond ASCII (Glance refuses 4-byte UTF-8), NULL formats, NULL sizes (no data) and size 0.
import { glanceApi } from './cloud-api.js';

export const SCALE_OWNER = 'osc-listing-scale';
export const SCALE_COUNT = 2_600;
/** The filters that list exactly these images (API parameters, and image-list flags). */
export const SCALE_QUERY = `owner=${SCALE_OWNER}&visibility=community&os_hidden=true`;
export const SCALE_FLAGS = ['--owner', SCALE_OWNER, '--visibility', 'community', '--hidden'];

const DISK_FORMATS = ['raw', 'qcow2', 'iso', 'vmdk'];

/** The fields of seed image number i. */
export function seedFields(i: number): Record<string, unknown> {
  const fields: Record<string, unknown> = { owner: SCALE_OWNER, visibility: 'community', os_hidden: true, osc_seed: String(i) };
  if (i % 11 === 0) fields.name = '';
  else if (i % 13 === 0) fields.name = ['Zebra', 'ünïcode ☃', 'ﬁle'][i % 3];
  else if (i % 10 !== 0) fields.name = `scale-${i % 97}`; // otherwise NULL
  if (i % 4 !== 0) {
    fields.disk_format = DISK_FORMATS[i % DISK_FORMATS.length];
    fields.container_format = i % 3 ? 'bare' : 'ovf';
  }
  return fields;
}

/** Seed images with data (formats are set): 0 to 4 bytes, so size 0 is among them. */
export const uploadsData = (i: number): Buffer | undefined => (i % 4 !== 0 && i % 7 === 1 ? Buffer.alloc(i % 5, 1) : undefined);

/** All seed images as Glance lists them (created_at desc). */
export async function listSeed(): Promise<Array<Record<string, unknown> & { id: string }>> {
  const all: Array<Record<string, unknown> & { id: string }> = [];
  let path: string | undefined = `/v2/images?${SCALE_QUERY}&limit=1000`;
  while (path) {
    const page = (await glanceApi('GET', path)).json as { images: Array<Record<string, unknown> & { id: string }> };
    all.push(...page.images);
    const last = page.images.at(-1);
    path = page.images.length === 1000 && last ? `/v2/images?${SCALE_QUERY}&limit=1000&marker=${last.id}` : undefined;
  }
  return all;
}

/** Creates the seed images that are missing (by osc_seed number), 8 requests at a time. */
export async function ensureSeed(count = SCALE_COUNT): Promise<void> {
  const have = new Set((await listSeed()).map((image) => image.osc_seed));
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !have.has(String(i)));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < missing.length) {
      const i = missing[next++]!;
      const created = await glanceApi('POST', '/v2/images', seedFields(i));
      if (created.status !== 201) throw new Error(`seed image ${i}: HTTP ${created.status} ${JSON.stringify(created.json)}`);
      const data = uploadsData(i);
      if (data) {
        const put = await glanceApi('PUT', `/v2/images/${created.json.id}/file`, data, 'application/octet-stream');
        if (put.status !== 204) throw new Error(`seed image ${i} data: HTTP ${put.status}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

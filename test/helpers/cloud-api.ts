// Direct calls to the REAL local cloud (no CLI in between), to set up and check its state in tests.
import { cloud } from './cloud.js';
import { issueAdminToken } from './keystone-admin.js';

let cachedToken: { value: string; at: number } | undefined;

/** An admin token straight from Keystone (cached for a minute within one test process). */
export async function adminToken(): Promise<string> {
  if (cachedToken && Date.now() - cachedToken.at < 60_000) return cachedToken.value;
  cachedToken = { value: (await issueAdminToken()).token, at: Date.now() };
  return cachedToken.value;
}

export async function glanceApi(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; json: any }> {
  const res = await fetch(`${cloud().glance_url}${path}`, {
    method,
    headers: { 'X-Auth-Token': await adminToken(), ...(body === undefined ? {} : { 'Content-Type': contentType }) },
    body: body === undefined ? undefined : Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, json };
}

export interface CloudImage {
  id: string;
  name: string;
  status: string;
  size: number | null;
  checksum: string | null;
  [k: string]: unknown;
}

/** Every image (any status) with this exact name. */
export async function imagesNamed(name: string): Promise<CloudImage[]> {
  const r = await glanceApi('GET', `/v2/images?name=${encodeURIComponent(name)}&limit=100`);
  return (r.json as { images: CloudImage[] }).images;
}

/** Creates an image record, optionally uploading data; returns it as Glance shows it afterwards. */
export async function createImage(name: string, data?: Buffer): Promise<CloudImage> {
  const created = await glanceApi('POST', '/v2/images', { name, disk_format: 'raw', container_format: 'bare' });
  if (created.status !== 201) throw new Error(`cannot create image: HTTP ${created.status}`);
  const id = (created.json as CloudImage).id;
  if (data) {
    const up = await glanceApi('PUT', `/v2/images/${id}/file`, data, 'application/octet-stream');
    if (up.status !== 204) throw new Error(`cannot upload image data: HTTP ${up.status}`);
  }
  return (await glanceApi('GET', `/v2/images/${id}`)).json as CloudImage;
}

export async function deleteImage(id: string): Promise<void> {
  await glanceApi('DELETE', `/v2/images/${id}`);
}

/** Deletes every image with a name starting with this prefix (test clean-up). */
export async function deleteImagesNamed(prefix: string): Promise<void> {
  const r = await glanceApi('GET', '/v2/images?limit=1000');
  for (const image of (r.json as { images: CloudImage[] }).images) {
    if (image.name?.startsWith(prefix)) {
      if ((image as { protected?: boolean }).protected)
        await glanceApi(
          'PATCH',
          `/v2/images/${image.id}`,
          [{ op: 'replace', path: '/protected', value: false }],
          'application/openstack-images-v2.1-json-patch',
        );
      await deleteImage(image.id);
    }
  }
}

export const uniqueName = (prefix: string): string => `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

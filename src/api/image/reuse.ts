// Finding an image that already holds given data, so it need not be uploaded again (issue 15):
// an ACTIVE image of the same name, disk and container format, in the caller's project, whose
// os_hash_value is the data's (Glance filters on it), or whose properties say so the way
// openstacksdk records them (owner_specified.openstack.md5/.sha256/.object: its create_image, and
// Ansible's image module on top of it, skip an upload when name and these hashes match).
import { CliError } from '../../errors.js';
import type { Query } from '../../session/session.js';
import type { ImageApi } from './index.js';
import type { Image } from './images.js';

/** openstacksdk's image properties (openstack/image/_base_proxy.py: _IMAGE_MD5_KEY, _IMAGE_SHA256_KEY, _IMAGE_OBJECT_KEY). */
export const SDK_MD5 = 'owner_specified.openstack.md5';
export const SDK_SHA256 = 'owner_specified.openstack.sha256';
export const SDK_OBJECT = 'owner_specified.openstack.object';

/**
 * The properties openstacksdk's create_image gives an image: the data's md5 and sha256 ('' when
 * unknown, as the SDK stores them) and `<container>/<name>`, its container being `images` unless
 * told otherwise.
 */
export function openstackSdkProperties(name: string, hashes: { md5?: string; sha256?: string }): Record<string, string> {
  return { [SDK_MD5]: hashes.md5 ?? '', [SDK_SHA256]: hashes.sha256 ?? '', [SDK_OBJECT]: `images/${name}` };
}

export interface ReusableImageQuery {
  name: string;
  /** The project the image belongs to (image-create --owner): the token's project when not given. */
  owner?: string;
  diskFormat: string;
  containerFormat: string;
  /** Glance's os_hash_algo and the data's hash in it (sha512 unless the cloud chose otherwise). */
  hashAlgo?: string;
  hashValue?: string;
  md5?: string;
  sha256?: string;
}

export interface ReusableImage {
  image: Image;
  /** What showed it holds the data: Glance's own hash, its md5 `checksum`, or openstacksdk's properties. */
  matchedBy: 'os_hash_value' | 'checksum' | 'openstacksdk';
}

/** The caller's project: unless told another, images are reused (and rotated) only there. */
export async function currentProject(api: ImageApi): Promise<string> {
  const { projectId } = await api.session.auth();
  if (!projectId) throw new CliError('Reusing images needs a project-scoped token (set OS_PROJECT_NAME or OS_PROJECT_ID).');
  return projectId;
}

/** A filter value Glance takes literally: it reads `op:value` (a name with a colon included) unless told `eq:`. */
const eq = (value: string): string => `eq:${value}`;

/**
 * The newest image that holds the data the query describes, or undefined. At most three filtered
 * listings: by os_hash_value (or md5 checksum, when that is all that is known), then by the SDK's
 * sha256 or md5 property, checked as the SDK checks them (every hash known must match).
 */
export async function findReusableImage(api: ImageApi, query: ReusableImageQuery): Promise<ReusableImage | undefined> {
  const owner = query.owner ?? (await currentProject(api));
  const base: Query = { ...activeNamedQuery(query, owner), sort: 'created_at:desc' };
  const first = async (filter: Query, fits: (image: Image) => boolean): Promise<Image | undefined> =>
    (await api.images.list({ ...base, ...filter })).find(
      (image) => image.owner === owner && image.name === query.name && image.status === 'active' && fits(image),
    );
  if (query.hashValue !== undefined && query.hashAlgo !== undefined) {
    const image = await first({ os_hash_value: query.hashValue }, (i) => i.os_hash_algo === query.hashAlgo && i.os_hash_value === query.hashValue);
    if (image) return { image, matchedBy: 'os_hash_value' };
  } else if (query.md5 !== undefined) {
    const image = await first({ checksum: query.md5 }, (i) => i.checksum === query.md5);
    if (image) return { image, matchedBy: 'checksum' };
  }
  const sdkMatch = (image: Image): boolean => sdkHashesMatch(image, query);
  if (query.sha256 !== undefined) {
    const image = await first({ [SDK_SHA256]: query.sha256 }, sdkMatch);
    if (image) return { image, matchedBy: 'openstacksdk' };
  } else if (query.md5 !== undefined) {
    const image = await first({ [SDK_MD5]: query.md5 }, sdkMatch);
    if (image) return { image, matchedBy: 'openstacksdk' };
  }
  return undefined;
}

/**
 * Whether any active image of this name and formats is in the caller's project: when none is, there
 * is nothing to reuse, and image-seed can upload a file without hashing it first.
 */
export async function activeImageNamed(api: ImageApi, query: NamedFormats): Promise<boolean> {
  const owner = await currentProject(api);
  const images = await api.images.list(activeNamedQuery(query, owner), { limit: 1 });
  return images.some((image) => image.name === query.name && image.owner === owner);
}

interface NamedFormats {
  name: string;
  diskFormat: string;
  containerFormat: string;
}

/** Glance's filter for the active images of this name and formats in `owner`'s project. */
function activeNamedQuery(query: NamedFormats, owner: string): Query {
  return { name: eq(query.name), owner, status: 'active', disk_format: eq(query.diskFormat), container_format: eq(query.containerFormat) };
}

/** openstacksdk's utils._hashes_up_to_date: some hash known, and every known one equal to the recorded one. */
function sdkHashesMatch(image: Image, known: { md5?: string; sha256?: string }): boolean {
  if (!known.md5 && !known.sha256) return false;
  if (known.md5 && image[SDK_MD5] !== known.md5) return false;
  if (known.sha256 && image[SDK_SHA256] !== known.sha256) return false;
  return true;
}

/**
 * Images of this name in `kept`'s project made before it (active or deactivated: never one still
 * being uploaded), for rotation. `hidden`: also those already hidden.
 */
export async function olderImagesNamed(api: ImageApi, kept: Image, options: { hidden: boolean }): Promise<Image[]> {
  const owner = kept.owner ?? (await currentProject(api));
  const query: Query = { name: eq(kept.name ?? ''), owner, status: 'in:active,deactivated' };
  const visible = await api.images.list({ ...query, os_hidden: false });
  const hidden = options.hidden ? await api.images.list({ ...query, os_hidden: true }) : [];
  return [...visible, ...hidden].filter(
    (image) => image.id !== kept.id && image.owner === owner && image.name === kept.name && image.created_at <= kept.created_at,
  );
}

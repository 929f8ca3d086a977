// The image property flags of both glance dialects (v1: --is-public, --is-protected, --location,
// --copy-from, --checksum; v2: --visibility, --protected, --tags, --hidden, schema properties),
// parsed into Glance v2 fields. Shared by image-create, image-update and image-create-via-import.
import { UsageError } from '../../../errors.js';
import {
  boolean,
  byteCount,
  type Flag,
  FlagValueError,
  type FlagValues,
  integer,
  keyValues,
  notInGlanceclient,
  presence,
  text,
  words,
} from '../../flags/flag.js';
import { AUTO_DISK_FORMAT, CONTENT_CHECK_FLAGS } from './content-check-flags.js';

/** Offered by completions; the server's schema is what validates (clouds may allow others). */
export const DISK_FORMATS = ['raw', 'vhd', 'vhdx', 'vmdk', 'vdi', 'iso', 'ploop', 'qcow2', 'aki', 'ari', 'ami'] as const;
export const CONTAINER_FORMATS = ['bare', 'ovf', 'ova', 'aki', 'ari', 'ami', 'docker', 'compressed'] as const;
export const VISIBILITIES = ['public', 'private', 'community', 'shared'] as const;
const BOOLEANS = ['True', 'False'] as const;

const DISK_FORMATS_HELP = `${DISK_FORMATS.join(', ')} (checked against the server schema), or ${AUTO_DISK_FORMAT} (detected from the data)`;
const CONTAINER_FORMATS_HELP = `${CONTAINER_FORMATS.join(', ')} (checked against the server schema)`;

const BOOLEAN_HELP = { suggestions: BOOLEANS };

/** A schema string property as python-glanceclient offers it (--os-distro <OS_DISTRO>). */
const schemaText = (flag: string): Flag<string | undefined> => text(`--${flag} <${flag.toUpperCase().replace(/-/g, '_')}>`, `Image ${flag.replace(/-/g, ' ')}`);

/** Schema string properties, keyed by their Glance field. */
const SCHEMA_STRING_FLAGS = {
  name: schemaText('name'),
  id: schemaText('id'),
  owner: schemaText('owner'),
  architecture: schemaText('architecture'),
  instance_uuid: schemaText('instance-uuid'),
  kernel_id: schemaText('kernel-id'),
  ramdisk_id: schemaText('ramdisk-id'),
  os_distro: schemaText('os-distro'),
  os_version: schemaText('os-version'),
  // Not in glanceclient's built-in image schema.
  description: notInGlanceclient(schemaText('description')),
};

/** Flags that describe the image record; image-create/update add their data flags on top. */
export const IMAGE_PROPERTY_FLAGS = {
  ...SCHEMA_STRING_FLAGS,
  diskFormat: text('--disk-format <DISK_FORMAT>', `Disk format: ${DISK_FORMATS_HELP}`, { suggestions: [...DISK_FORMATS, AUTO_DISK_FORMAT] }),
  containerFormat: text('--container-format <CONTAINER_FORMAT>', `Container format: ${CONTAINER_FORMATS_HELP}`, { suggestions: CONTAINER_FORMATS }),
  minDisk: integer('--min-disk <DISK_GB>', 'Minimum disk size in GB needed to boot the image', { min: 0 }),
  minRam: integer('--min-ram <DISK_RAM>', 'Minimum RAM in MB needed to boot the image', { min: 0 }),
  isPublic: notInGlanceclient(boolean('--is-public <IS_PUBLIC>', 'v1: True makes the image public, False private (same as --visibility)', BOOLEAN_HELP)),
  visibility: text('--visibility <VISIBILITY>', 'public, private, community or shared', { suggestions: VISIBILITIES }),
  isProtected: notInGlanceclient(boolean('--is-protected <IS_PROTECTED>', 'v1: True prevents deletion (same as --protected)', BOOLEAN_HELP)),
  protected: boolean('--protected <PROTECTED>', 'True prevents deletion', BOOLEAN_HELP),
  hidden: boolean('--hidden <HIDDEN>', 'True hides the image from default lists (os_hidden)', BOOLEAN_HELP),
  tags: words('--tags <TAGS...>', 'Tags for the image (several values)'),
  property: keyValues('--property <KEY=VALUE>', 'Custom property (repeatable)'),
};

/** Image data and v1 transfer flags, for commands that create an image. */
export const IMAGE_DATA_FLAGS = {
  file: text('--file <FILE>', 'Local file with the image data (else stdin, when it is a pipe or a file)'),
  size: notInGlanceclient(byteCount('--size <SIZE>', 'Size of the image data in bytes (when it cannot be told from the data)')),
  checksum: notInGlanceclient(text('--checksum <CHECKSUM>', 'v1: MD5 the uploaded data must have; on mismatch the image is deleted')),
  location: notInGlanceclient(text('--location <IMAGE_URL>', 'v1: URL where the data already is (added as an image location)')),
  copyFrom: notInGlanceclient(text('--copy-from <IMAGE_URL>', 'v1: URL Glance copies the data from (web-download import)')),
  store: text('--store <STORE>', 'Backend store to upload the data to (env OS_IMAGE_STORE)'),
  progress: presence('--progress', 'Show a progress bar on stderr (terminal only)'),
  humanReadable: notInGlanceclient(presence('--human-readable', 'Print the size in a human-friendly format')),
  ...CONTENT_CHECK_FLAGS,
};

export type ImagePropertyValues = FlagValues<typeof IMAGE_PROPERTY_FLAGS>;
export type ImageDataFlags = FlagValues<typeof IMAGE_DATA_FLAGS>;

export interface ImageFlags {
  /** Glance v2 fields to set (schema properties and custom properties). */
  fields: Record<string, unknown>;
}

/** The visibility asked for by --visibility or by the v1 --is-public; both given must agree. */
function visibility(flags: ImagePropertyValues): string | undefined {
  if (flags.isPublic === undefined) return flags.visibility;
  const fromV1 = flags.isPublic ? 'public' : 'private';
  if (flags.visibility !== undefined && flags.visibility !== fromV1) {
    throw new UsageError(`error: --is-public ${flags.isPublic ? 'True' : 'False'} and --visibility ${flags.visibility} disagree: give one of them.`);
  }
  return fromV1;
}

function protectedFlag(flags: ImagePropertyValues): boolean | undefined {
  const { protected: v2, isProtected: v1 } = flags;
  if (v2 !== undefined && v1 !== undefined && v2 !== v1) throw new UsageError('error: --protected and --is-protected disagree: give one of them.');
  return v2 ?? v1;
}

export function parseImageFlags(flags: ImagePropertyValues): ImageFlags {
  const fields: Record<string, unknown> = {};
  const set = (key: string, value: unknown): void => {
    if (value !== undefined) fields[key] = value;
  };
  for (const field of Object.keys(SCHEMA_STRING_FLAGS) as Array<keyof typeof SCHEMA_STRING_FLAGS>) set(field, flags[field]);
  set('disk_format', flags.diskFormat);
  set('container_format', flags.containerFormat);
  set('min_disk', flags.minDisk);
  set('min_ram', flags.minRam);
  set('visibility', visibility(flags));
  set('protected', protectedFlag(flags));
  set('os_hidden', flags.hidden);
  set('tags', flags.tags);
  for (const [key, value] of flags.property) fields[key] = value;
  return { fields };
}

/** --checksum must be an MD5 (32 hex digits); kept in lower case. */
export function checkedDataFlags(data: ImageDataFlags): ImageDataFlags {
  const { checksum } = data;
  if (checksum !== undefined && !/^[0-9a-fA-F]{32}$/.test(checksum)) {
    throw new FlagValueError('--checksum', checksum, 'invalid MD5 checksum', 'use 32 hex digits');
  }
  const { file, size, location, copyFrom, store, progress, humanReadable, noFormatCheck, allowUnsafeImage } = data;
  return { file, size, checksum: checksum?.toLowerCase(), location, copyFrom, store, progress, humanReadable, noFormatCheck, allowUnsafeImage };
}

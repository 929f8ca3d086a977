// The image property flags of both glance dialects (v1: --is-public, --is-protected, --location,
// --copy-from, --checksum; v2: --visibility, --protected, --tags, --hidden, schema properties),
// parsed into Glance v2 fields. Shared by image-create, image-update and image-create-via-import.
import { CliError } from '../../../errors.js';
import type { OptionSpec } from '../../command.js';

/** Schema string properties python-glanceclient offers as flags (--os-distro → os_distro). */
const SCHEMA_STRING_FLAGS = ['name', 'id', 'owner', 'architecture', 'instance-uuid', 'kernel-id', 'ramdisk-id', 'os-distro', 'os-version', 'description'] as const;

/** Offered by completions; the server's schema is what validates (clouds may allow others). */
export const DISK_FORMATS = ['raw', 'vhd', 'vhdx', 'vmdk', 'vdi', 'iso', 'ploop', 'qcow2', 'aki', 'ari', 'ami'] as const;
export const CONTAINER_FORMATS = ['bare', 'ovf', 'ova', 'aki', 'ari', 'ami', 'docker', 'compressed'] as const;
export const VISIBILITIES = ['public', 'private', 'community', 'shared'] as const;
const BOOLEANS = ['True', 'False'] as const;

const DISK_FORMATS_HELP = `${DISK_FORMATS.join(', ')} (checked against the server schema)`;
const CONTAINER_FORMATS_HELP = `${CONTAINER_FORMATS.join(', ')} (checked against the server schema)`;

/** Flags that describe the image record; image-create/update add their data flags on top. */
export const IMAGE_PROPERTY_OPTIONS: readonly OptionSpec[] = [
  ...SCHEMA_STRING_FLAGS.map((name) => ({ flags: `--${name} <${name.toUpperCase().replace(/-/g, '_')}>`, description: `Image ${name.replace(/-/g, ' ')}` })),
  { flags: '--disk-format <DISK_FORMAT>', description: `Disk format: ${DISK_FORMATS_HELP}`, suggestions: DISK_FORMATS },
  { flags: '--container-format <CONTAINER_FORMAT>', description: `Container format: ${CONTAINER_FORMATS_HELP}`, suggestions: CONTAINER_FORMATS },
  { flags: '--min-disk <DISK_GB>', description: 'Minimum disk size in GB needed to boot the image' },
  { flags: '--min-ram <DISK_RAM>', description: 'Minimum RAM in MB needed to boot the image' },
  { flags: '--is-public <IS_PUBLIC>', description: 'v1: True makes the image public, False private (same as --visibility)', suggestions: BOOLEANS },
  { flags: '--visibility <VISIBILITY>', description: 'public, private, community or shared', suggestions: VISIBILITIES },
  { flags: '--is-protected <IS_PROTECTED>', description: 'v1: True prevents deletion (same as --protected)', suggestions: BOOLEANS },
  { flags: '--protected <PROTECTED>', description: 'True prevents deletion', suggestions: BOOLEANS },
  { flags: '--hidden <HIDDEN>', description: 'True hides the image from default lists (os_hidden)', suggestions: BOOLEANS },
  { flags: '--tags <TAGS...>', description: 'Tags for the image (several values)' },
  { flags: '--property <KEY=VALUE>', description: 'Custom property (repeatable)', repeatable: true },
];

/** Image data and v1 transfer flags, for commands that create an image. */
export const IMAGE_DATA_OPTIONS: readonly OptionSpec[] = [
  { flags: '--file <FILE>', description: 'Local file with the image data (else stdin, when it is a pipe or a file)' },
  { flags: '--size <SIZE>', description: 'Size of the image data in bytes (when it cannot be told from the data)' },
  { flags: '--checksum <CHECKSUM>', description: 'v1: MD5 the uploaded data must have; on mismatch the image is deleted' },
  { flags: '--location <IMAGE_URL>', description: 'v1: URL where the data already is (added as an image location)' },
  { flags: '--copy-from <IMAGE_URL>', description: 'v1: URL Glance copies the data from (web-download import)' },
  { flags: '--store <STORE>', description: 'Backend store to upload the data to (env OS_IMAGE_STORE)' },
  { flags: '--progress', description: 'Show a progress bar on stderr (terminal only)' },
  { flags: '--human-readable', description: 'Print the size in a human-friendly format' },
];

export interface ImageFlags {
  /** Glance v2 fields to set (schema properties and custom properties). */
  fields: Record<string, unknown>;
}

export interface ImageDataFlags {
  file?: string;
  size?: number;
  checksum?: string;
  location?: string;
  copyFrom?: string;
  store?: string;
  progress: boolean;
  humanReadable: boolean;
}

const TRUE = ['1', 't', 'true', 'on', 'y', 'yes'];
const FALSE = ['0', 'f', 'false', 'off', 'n', 'no'];

/** oslo's bool_from_string, but strict: anything unrecognised is an error, not a silent False. */
export function parseBool(flag: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (TRUE.includes(v)) return true;
  if (FALSE.includes(v)) return false;
  throw new CliError(`error: argument ${flag}: invalid boolean value: '${value}' (use True or False)`);
}

export function parseInteger(flag: string, value: string): number {
  if (!/^\s*[+-]?\d+\s*$/.test(value)) throw new CliError(`error: argument ${flag}: invalid int value: '${value}'`);
  return Number.parseInt(value, 10);
}

/** --property k=v → [k, v]; the value may itself contain '='. */
export function parseProperty(flag: string, text: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0) throw new CliError(`error: argument ${flag}: expected KEY=VALUE, got '${text}'`);
  return [text.slice(0, at), text.slice(at + 1)];
}

/** A string-valued option as commander parsed it (undefined when not given). */
export const str = (opts: Record<string, unknown>, key: string): string | undefined => opts[key] as string | undefined;

/** The visibility asked for by --visibility or by the v1 --is-public; both given must agree. */
function visibility(opts: Record<string, unknown>): string | undefined {
  const explicit = str(opts, 'visibility');
  const isPublic = str(opts, 'isPublic');
  if (isPublic === undefined) return explicit;
  const fromV1 = parseBool('--is-public', isPublic) ? 'public' : 'private';
  if (explicit !== undefined && explicit !== fromV1) {
    throw new CliError(`error: --is-public ${isPublic} and --visibility ${explicit} disagree: give one of them.`);
  }
  return fromV1;
}

function protectedFlag(opts: Record<string, unknown>): boolean | undefined {
  const v2 = str(opts, 'protected');
  const v1 = str(opts, 'isProtected');
  const a = v2 === undefined ? undefined : parseBool('--protected', v2);
  const b = v1 === undefined ? undefined : parseBool('--is-protected', v1);
  if (a !== undefined && b !== undefined && a !== b) throw new CliError('error: --protected and --is-protected disagree: give one of them.');
  return a ?? b;
}

/** commander's camelCase attribute of '--os-distro' is osDistro; Glance's field is os_distro. */
const camel = (flag: string): string => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function parseImageFlags(opts: Record<string, unknown>): ImageFlags {
  const fields: Record<string, unknown> = {};
  for (const name of SCHEMA_STRING_FLAGS) {
    const value = str(opts, camel(name));
    if (value !== undefined) fields[name.replace(/-/g, '_')] = value;
  }
  const set = (key: string, value: unknown): void => {
    if (value !== undefined) fields[key] = value;
  };
  set('disk_format', str(opts, 'diskFormat'));
  set('container_format', str(opts, 'containerFormat'));
  const minDisk = str(opts, 'minDisk');
  const minRam = str(opts, 'minRam');
  set('min_disk', minDisk === undefined ? undefined : parseInteger('--min-disk', minDisk));
  set('min_ram', minRam === undefined ? undefined : parseInteger('--min-ram', minRam));
  set('visibility', visibility(opts));
  set('protected', protectedFlag(opts));
  const hidden = str(opts, 'hidden');
  set('os_hidden', hidden === undefined ? undefined : parseBool('--hidden', hidden));
  set('tags', opts.tags as string[] | undefined);
  for (const text of (opts.property as string[] | undefined) ?? []) {
    const [key, value] = parseProperty('--property', text);
    fields[key] = value;
  }
  return { fields };
}

export function parseImageDataFlags(opts: Record<string, unknown>): ImageDataFlags {
  const size = str(opts, 'size');
  const checksum = str(opts, 'checksum');
  if (checksum !== undefined && !/^[0-9a-fA-F]{32}$/.test(checksum)) {
    throw new CliError(`error: argument --checksum: '${checksum}' is not an MD5 checksum (32 hex digits).`);
  }
  return {
    file: str(opts, 'file'),
    size: size === undefined ? undefined : parseInteger('--size', size),
    checksum: checksum?.toLowerCase(),
    location: str(opts, 'location'),
    copyFrom: str(opts, 'copyFrom'),
    store: str(opts, 'store'),
    progress: opts.progress === true,
    humanReadable: opts.humanReadable === true,
  };
}

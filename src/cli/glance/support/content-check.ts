// Image data is inspected before anything is created or sent (issue 15): data the declared
// --disk-format contradicts, or that Glance's format checks call unsafe (OSSA-2024-001: backing and
// data files, VMDK extents, polyglots), is refused in one line unless a flag says to go on anyway;
// `--disk-format auto` takes the detected format. What "contradicts" means is formatContradicts's rule.
import { CliError } from '../../../errors.js';
import type { ImageInspection } from '../../../formats/index.js';
import { withoutUserinfo } from '../../../http/redact.js';
import type { Deps } from '../../deps.js';
import { AUTO_DISK_FORMAT, type ContentCheckFlags } from './content-check-flags.js';
import { type Inspected, inspectLocal, inspectUrl } from './inspected-data.js';
import type { ImageSource } from './local-data-source.js';

export { AUTO_DISK_FORMAT, CONTENT_CHECK_FLAGS, type ContentCheckFlags } from './content-check-flags.js';

/**
 * Fields for the schema check made before the data is inspected (so a bad --disk-format gets the
 * schema's error, as glanceclient prints it): `auto` is no schema value, and is checked once resolved.
 */
export function fieldsBeforeInspection(fields: Record<string, unknown>): Record<string, unknown> {
  if (fields.disk_format !== AUTO_DISK_FORMAT) return fields;
  const { disk_format: _auto, ...rest } = fields;
  return rest;
}

/** disk_formats that are the disk's bytes as they are (ami, ari, aki: a raw disk, kernel or ramdisk). */
const RAW_DISK_FORMATS = new Set(['raw', 'ami', 'ari', 'aki']);
/** disk_formats the inspector recognises; others (ploop, a cloud's own) can only be seen to be something else. */
const RECOGNISED = new Set(['qcow2', 'qed', 'vmdk', 'vhd', 'vhdx', 'vdi', 'iso', 'luks']);

/**
 * Whether the content contradicts the declared disk_format. The same format never does; raw, ami,
 * ari and aki take data with no image header (a partitioned disk included), nothing else; a
 * recognised format needs its header, except a VHD whose end was out of reach (a fixed VHD's only
 * footer is its last 512 bytes); a format the inspector does not know is contradicted only by data
 * that is another known format.
 */
export function formatContradicts(declared: string, { inspection, tailSeen }: Inspected): boolean {
  const found = inspection.diskFormat;
  if (declared === found) return false;
  if (RAW_DISK_FORMATS.has(declared)) return found !== 'raw';
  if (found !== 'raw') return true;
  if (declared === 'vhd') return tailSeen;
  return RECOGNISED.has(declared);
}

/** What the content is, for a message: `qcow2 (virtual size 5 GiB)`. */
export function describeContent(inspection: ImageInspection): string {
  const size = inspection.virtualSize === undefined ? '' : ` (virtual size ${binarySize(inspection.virtualSize)})`;
  switch (inspection.format) {
    case 'raw':
      return 'raw data (no disk image header)';
    case 'gpt':
    case 'mbr':
      return `a raw disk with a${inspection.format === 'mbr' ? 'n' : ''} ${inspection.format.toUpperCase()} partition table${size}`;
    default:
      return `${inspection.format}${size}`;
  }
}

/** 5 GiB, 1.5 MiB, 512 B: binary units, at most one decimal. */
export function binarySize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1).replace(/\.0$/, '')} ${units[unit]}`;
}

/** The refusal for content a --disk-format contradicts, or undefined when it does not. */
export function formatRefusal(name: string, declared: string, inspected: Inspected): string | undefined {
  if (!formatContradicts(declared, inspected)) return undefined;
  return `${name} is ${describeContent(inspected.inspection)}, not ${declared}: use --disk-format ${inspected.inspection.diskFormat}`;
}

/** The refusal for unsafe content, or undefined when the inspector found nothing unsafe. */
export function unsafeRefusal(name: string, inspection: ImageInspection): string | undefined {
  if (!inspection.unsafe?.length) return undefined;
  return `${name} is unsafe to upload: ${inspection.unsafe.join('; ')} (--allow-unsafe-image sends it anyway)`;
}

export interface ImageData {
  /** Local data: --file or stdin. */
  source?: ImageSource;
  /** A URL Glance is to read the data from (--copy-from, --location, web-download --uri). */
  url?: string;
  /** The disk_format the data is to have (the flag's, else the image's); `auto`: the detected one. */
  declared?: string;
}

export interface CheckedData {
  /** The source to send from: a pipe's read-ahead comes first. */
  source?: ImageSource;
  /** The disk_format to give the image: `auto` replaced by the detected one. */
  diskFormat?: string;
}

/** Inspects the data and refuses (CliError) what the flags do not allow; says on stderr when a URL could not be inspected. */
export async function checkImageData(deps: Pick<Deps, 'session' | 'notice'>, data: ImageData, flags: ContentCheckFlags): Promise<CheckedData> {
  const { source, url, declared } = data;
  const auto = declared === AUTO_DISK_FORMAT;
  if (!source && url === undefined) {
    if (auto) throw new CliError('--disk-format auto needs image data to inspect (--file, stdin, --location, --copy-from or --uri).');
    return { diskFormat: declared };
  }
  // Both checks waived: the data is not even read ahead.
  if (!auto && flags.noFormatCheck && flags.allowUnsafeImage) return { source, diskFormat: declared };
  let inspected: Inspected;
  let send = source;
  let name: string;
  if (source) {
    const local = await inspectLocal(source);
    ({ source: send } = local);
    inspected = local;
    name = source.path ?? 'the data on stdin';
  } else {
    name = withoutUserinfo(url!);
    const remote = await inspectUrl(deps, url!);
    if ('unavailable' in remote) {
      if (auto) throw new CliError(`--disk-format auto cannot tell the format of ${name}: it could not be inspected (${remote.unavailable}).`);
      deps.notice(`${name} was not inspected (${remote.unavailable}): its format and safety are unchecked.`);
      return { diskFormat: declared };
    }
    inspected = remote;
  }
  const unsafe = flags.allowUnsafeImage ? undefined : unsafeRefusal(name, inspected.inspection);
  if (unsafe) throw new CliError(unsafe);
  if (auto) return { source: send, diskFormat: inspected.inspection.diskFormat };
  const mismatch = declared === undefined || flags.noFormatCheck ? undefined : formatRefusal(name, declared, inspected);
  if (mismatch) throw new CliError(mismatch);
  return { source: send, diskFormat: declared };
}

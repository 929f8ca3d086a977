// Images as the two dialects print them: the runbook's v1 record and python-glanceclient 4.1.0's
// v2 record (print_image → print_dict: PrettyTable sorted by Property, wrapped at 80 columns).
import type { Image } from '../../../api/image/images.js';
import { compact } from '../../../output/formats/json.js';
import type { Cell, RecordView, TableStyle } from '../../../output/views.js';
import type { Deps } from '../../deps.js';

/** What Python's str() gives for a JSON value (lists and dicts as json.dumps, as print_dict does). */
export function pyText(value: Cell): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'object') return pyJson(value);
  return String(value);
}

/** Python's json.dumps defaults (', ' and ': ' separators, ensure_ascii): the json format's own. */
export const pyJson = (value: unknown): string => compact(value);

/** glanceclient's make_size_human_readable: base 1024, one decimal, trailing zeros dropped (226.4MB). */
export function humanSize(size: number | null | undefined): string {
  const suffixes = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB'];
  let value = size ?? 0;
  let index = 0;
  // Bounded by the suffixes: Infinity (a size of 1e999) never drops below 1024.
  while (value >= 1024 && index < suffixes.length - 1) {
    index++;
    value /= 1024;
  }
  return oneDecimal(value).replace(/0+$/, '').replace(/\.$/, '') + suffixes[index];
}

/** Python's '%.1f': exact halves round to even (1.25 → 1.2), where toFixed rounds them up. */
function oneDecimal(value: number): string {
  const scaled = value * 10;
  const floor = Math.floor(scaled);
  if (scaled - floor !== 0.5) return value.toFixed(1);
  return ((floor % 2 === 0 ? floor : floor + 1) / 10).toFixed(1);
}

/** v2 fields that are not custom properties (the v1 record has rows of its own or none for them). */
const V2_CORE = new Set([
  'id',
  'name',
  'status',
  'visibility',
  'protected',
  'disk_format',
  'container_format',
  'size',
  'virtual_size',
  'checksum',
  'os_hash_algo',
  'os_hash_value',
  'min_disk',
  'min_ram',
  'owner',
  'created_at',
  'updated_at',
  'tags',
  'self',
  'file',
  'schema',
  'locations',
  'direct_url',
  'os_hidden',
  'stores',
]);

export function customProperties(image: Image): Array<[string, unknown]> {
  return Object.entries(image).filter(([key]) => !V2_CORE.has(key) && !key.startsWith('os_glance_'));
}

/** v1 timestamps had no zone suffix and no fraction: 2015-02-16T17:56:18. */
export function v1Time(stamp: string | null | undefined): string | null {
  return stamp ? stamp.replace(/(\.\d+)?(Z|[+-]00:00)$/, '') : null;
}

export interface RecordOptions {
  humanReadable?: boolean;
}

function sortedRecord(fields: Array<readonly [string, Cell]>): RecordView {
  // PrettyTable sortby='Property' compares the strings: uppercase "Property '…'" rows come first.
  return { fields: [...fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
}

/** The runbook's record: the v1 field set, `Property 'key'` rows for custom properties. */
export function v1Record(image: Image, options: RecordOptions = {}): RecordView {
  const size = options.humanReadable ? humanSize(image.size) : image.size;
  const fields: Array<readonly [string, Cell]> = [
    ['checksum', image.checksum],
    ['container_format', image.container_format],
    ['created_at', v1Time(image.created_at)],
    ['deleted', false],
    ['deleted_at', null],
    ['disk_format', image.disk_format],
    ['id', image.id],
    ['is_public', image.visibility === 'public'],
    ['min_disk', image.min_disk],
    ['min_ram', image.min_ram],
    ['name', image.name],
    ['owner', image.owner],
    ['protected', image.protected],
    ['size', size],
    ['status', image.status],
    ['updated_at', v1Time(image.updated_at)],
    ['virtual_size', image.virtual_size],
    ...customProperties(image).map(([key, value]) => [`Property '${key}'`, value as Cell] as const),
  ];
  return sortedRecord(fields);
}

const V2_HIDDEN = new Set(['self', 'access', 'file', 'schema']);

/** glanceclient 4.1.0 print_image: every field but self/access/file/schema, sorted. */
export function v2Record(image: Image, options: RecordOptions = {}): RecordView {
  const fields: Array<readonly [string, Cell]> = Object.entries(image)
    .filter(([key]) => !V2_HIDDEN.has(key))
    .map(([key, value]): readonly [string, Cell] => {
      if (key === 'virtual_size') return [key, (value as Cell) || 'Not available'];
      if (key === 'size' && options.humanReadable) return [key, humanSize(image.size)];
      return [key, value as Cell];
    });
  return sortedRecord(fields);
}

export interface PrintImageOptions extends RecordOptions {
  /** glanceclient's --max-column-width (default 80). */
  maxColumnWidth?: number;
}

/** Record values read as Python printed them; both dialects wrap at 80 columns like print_dict. */
export function recordStyle(maxColumnWidth = 80): Partial<TableStyle> {
  return { text: pyText, maxWidth: maxColumnWidth };
}

/** Prints the image the way the chosen dialect (--os-image-api-version) prints it. */
export function printImage(deps: Pick<Deps, 'glance' | 'print'>, image: Image, options: PrintImageOptions = {}): void {
  const view = deps.glance.imageRecord(image, options);
  deps.print.record(view, recordStyle(options.maxColumnWidth));
}

/** glanceclient's print_list: falsy values print as blank cells. */
const blankFalsy = (value: unknown): Cell => (value ? (value as Cell) : null);

export interface ListOptions {
  /** glance -v: glanceclient's extra columns. */
  verbose?: boolean;
  includeStores?: boolean;
  humanReadable?: boolean;
}

/** image-list's columns and how one image fills a row: rows are made as pages arrive. */
export interface ImageListLayout {
  columns: readonly string[];
  row(image: Image): Cell[];
}

/** The runbook's image-list: `ID | Name | Disk Format | Container Format | Size | Status`. */
export function v1ListLayout(options: ListOptions = {}): ImageListLayout {
  return {
    columns: ['ID', 'Name', 'Disk Format', 'Container Format', 'Size', 'Status'],
    row: (i) => [i.id, i.name, i.disk_format, i.container_format, blankFalsy(options.humanReadable ? humanSize(i.size) : i.size), i.status].map(blankFalsy),
  };
}

/** python-glanceclient 4.1.0's image-list: ID and Name, more with -v, Stores with --include-stores. */
export function v2ListLayout(options: ListOptions = {}): ImageListLayout {
  const columns = ['ID', 'Name'];
  if (options.verbose) columns.push('Disk_format', 'Container_format', 'Size', 'Status', 'Owner');
  if (options.includeStores) columns.push('Stores');
  const fields = columns.map((c) => c.toLowerCase());
  return { columns, row: (image) => fields.map((field) => blankFalsy(image[field])) };
}

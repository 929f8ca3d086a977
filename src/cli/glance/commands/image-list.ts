import type { Image } from '../../../api/image/images.js';
import { CliError } from '../../../errors.js';
import type { Cell } from '../../../output/views.js';
import type { Query } from '../../../session/session.js';
import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { CONTAINER_FORMATS, DISK_FORMATS, VISIBILITIES, parseBool, parseInteger, parseProperty, str } from '../support/image-flags.js';
import { humanSize } from '../support/image-views.js';

const SORT_KEYS = ['name', 'status', 'container_format', 'disk_format', 'size', 'id', 'created_at', 'updated_at'];

export interface Options {
  query: Query;
  limit?: number;
  humanReadable: boolean;
  includeStores: boolean;
}

/** --sort key[:dir],… (v2) checked the way glanceclient checks it. */
function checkSort(sort: string): void {
  for (const part of sort.split(',')) {
    const [key = '', dir] = part.trim().split(':');
    if (!SORT_KEYS.includes(key)) throw new CliError(`Sort key ${key} is not valid: use one of ${SORT_KEYS.join(', ')}.`);
    if (dir !== undefined && dir !== 'asc' && dir !== 'desc') throw new CliError(`Sort direction ${dir} is not valid: use asc or desc.`);
  }
}

export function listQuery(opts: Record<string, unknown>): { query: Query; limit?: number } {
  const query: Query = {};
  const pass = (param: string, flag: string): void => {
    const value = str(opts, flag);
    if (value !== undefined) query[param] = value;
  };
  pass('name', 'name');
  pass('status', 'status');
  pass('container_format', 'containerFormat');
  pass('disk_format', 'diskFormat');
  pass('visibility', 'visibility');
  pass('member_status', 'memberStatus');
  pass('owner', 'owner');
  pass('checksum', 'checksum');
  pass('os_hash_value', 'hash');
  if (opts.tag) query.tag = opts.tag as string[];
  for (const [param, flag] of [['size_min', 'sizeMin'], ['size_max', 'sizeMax']] as const) {
    const value = str(opts, flag);
    if (value !== undefined) query[param] = parseInteger(`--${flag.replace('M', '-m')}`, value);
  }
  const since = str(opts, 'changesSince');
  if (since !== undefined) query.updated_at = `gte:${since}`;
  const isPublic = str(opts, 'isPublic');
  if (isPublic !== undefined) query.visibility = parseBool('--is-public', isPublic) ? 'public' : 'private';
  if (opts.hidden !== undefined) query.os_hidden = opts.hidden === true ? true : parseBool('--hidden', opts.hidden as string);
  for (const text of (opts.propertyFilter as string[] | undefined) ?? []) {
    const [key, value] = parseProperty('--property-filter', text);
    query[key] = value;
  }
  const sortKeys = (opts.sortKey as string[] | undefined) ?? [];
  const sortDirs = (opts.sortDir as string[] | undefined) ?? [];
  const sort = str(opts, 'sort');
  if (sort !== undefined) {
    if (sortKeys.length > 0 || sortDirs.length > 0) throw new CliError('error: --sort cannot be used with --sort-key or --sort-dir.');
    checkSort(sort);
    query.sort = sort;
  } else {
    for (const key of sortKeys) if (!SORT_KEYS.includes(key)) throw new CliError(`error: argument --sort-key: invalid choice: '${key}' (choose from ${SORT_KEYS.map((k) => `'${k}'`).join(', ')})`);
    for (const dir of sortDirs) if (dir !== 'asc' && dir !== 'desc') throw new CliError(`error: argument --sort-dir: invalid choice: '${dir}' (choose from 'asc', 'desc')`);
    // Both classic clients listed by name unless told otherwise.
    query.sort_key = sortKeys.length > 0 ? sortKeys : ['name'];
    query.sort_dir = sortDirs.length > 0 ? sortDirs : ['asc'];
  }
  const limit = str(opts, 'limit') === undefined ? undefined : parseInteger('--limit', str(opts, 'limit')!);
  const pageSize = str(opts, 'pageSize') === undefined ? undefined : parseInteger('--page-size', str(opts, 'pageSize')!);
  if (pageSize !== undefined) query.limit = pageSize;
  else if (limit !== undefined) query.limit = limit;
  return { query, limit };
}

/** glanceclient's print_list: falsy values print as blank cells. */
const blankFalsy = (value: unknown): Cell => (value ? (value as Cell) : null);

function printRunbookList(deps: Deps, images: readonly Image[], humanReadable: boolean): void {
  deps.print.list({
    columns: ['ID', 'Name', 'Disk Format', 'Container Format', 'Size', 'Status'],
    rows: images.map((i) => [i.id, i.name, i.disk_format, i.container_format, blankFalsy(humanReadable ? humanSize(i.size) : i.size), i.status].map(blankFalsy)),
  });
}

function printV2List(deps: Deps, images: readonly Image[], includeStores: boolean): void {
  const columns = ['ID', 'Name'];
  if (deps.globals.verbose) columns.push('Disk_format', 'Container_format', 'Size', 'Status', 'Owner');
  if (includeStores) columns.push('Stores');
  deps.print.list({ columns, rows: images.map((image) => columns.map((c) => blankFalsy(image[c.toLowerCase()]))) });
}

export const imageList = command<Options>({
  spec: {
    name: 'image-list',
    summary: 'List images you can access.',
    example: 'glance image-list',
    options: [
      { flags: '--name <NAME>', description: 'Only images with this name' },
      { flags: '--status <STATUS>', description: 'Only images in this status' },
      { flags: '--changes-since <TIMESTAMP>', description: 'Only images changed since this ISO 8601 time' },
      { flags: '--container-format <CONTAINER_FORMAT>', description: 'Only images in this container format', suggestions: CONTAINER_FORMATS },
      { flags: '--disk-format <DISK_FORMAT>', description: 'Only images in this disk format', suggestions: DISK_FORMATS },
      { flags: '--size-min <SIZE>', description: 'Only images of at least this many bytes' },
      { flags: '--size-max <SIZE>', description: 'Only images of at most this many bytes' },
      { flags: '--property-filter <KEY=VALUE>', description: 'Only images with this property (repeatable)', repeatable: true },
      { flags: '--is-public <IS_PUBLIC>', description: 'v1: True lists public images, False private ones' },
      { flags: '--visibility <VISIBILITY>', description: 'Only images of this visibility', suggestions: VISIBILITIES },
      { flags: '--member-status <MEMBER_STATUS>', description: 'Only shared images in this member status' },
      { flags: '--owner <OWNER>', description: 'Only images owned by this project' },
      { flags: '--all-tenants', description: 'v1: images of all projects (Glance v2 shows an admin every image anyway)' },
      { flags: '--checksum <CHECKSUM>', description: 'Only images with this MD5 checksum' },
      { flags: '--hash <HASH_VALUE>', description: 'Only images with this os_hash_value' },
      { flags: '--tag <TAG>', description: 'Only images with this tag (repeatable)', repeatable: true },
      { flags: '--hidden [BOOL]', description: 'Filter by hidden status (os_hidden)' },
      { flags: '--include-stores [BOOL]', description: 'Add a Stores column' },
      { flags: '--sort-key <KEY>', description: `Sort by this field (repeatable): ${SORT_KEYS.join(', ')}`, repeatable: true, suggestions: SORT_KEYS },
      { flags: '--sort-dir <DIR>', description: 'asc or desc, one per --sort-key (repeatable)', repeatable: true, suggestions: ['asc', 'desc'] },
      { flags: '--sort <KEY[:DIR],...>', description: 'Sort keys and directions in one flag' },
      { flags: '--page-size <SIZE>', description: 'Images per request (the list follows every page)' },
      { flags: '--limit <LIMIT>', description: 'At most this many images' },
      { flags: '--human-readable', description: 'Sizes in a human-friendly format' },
    ],
    output: 'list',
  },
  parse({ opts }) {
    const includeStores = opts.includeStores === undefined ? false : opts.includeStores === true || parseBool('--include-stores', opts.includeStores as string);
    return { ...listQuery(opts), humanReadable: opts.humanReadable === true, includeStores };
  },
  async run(options, deps) {
    const images = await (await deps.image()).images.list(options.query, options.limit);
    if (deps.globals.imageApiVersion === 2) printV2List(deps, images, options.includeStores);
    else printRunbookList(deps, images, options.humanReadable);
  },
});

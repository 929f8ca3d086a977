import { UsageError } from '../../../errors.js';
import type { Cell } from '../../../output/views.js';
import type { Query } from '../../../session/session.js';
import { command } from '../../command.js';
import { CONTAINER_FORMATS, DISK_FORMATS, VISIBILITIES } from '../support/image-flags.js';
import { isChoice } from '../../flags/choice.js';
import {
  boolean,
  byteCount,
  choiceList,
  FlagValueError,
  type FlagValues,
  integer,
  keyValues,
  notInGlanceclient,
  optionalBoolean,
  presence,
  text,
  texts,
} from '../../flags/flag.js';

const SORT_KEYS = ['name', 'status', 'container_format', 'disk_format', 'size', 'id', 'created_at', 'updated_at'] as const;
const SORT_DIRS = ['asc', 'desc'] as const;

/** The sort flags as given: the query they make depends on the dialect (sortQuery). */
export type SortFlags = { sort: string } | { keys: readonly string[]; dirs: readonly string[] };

export interface Options {
  query: Query;
  sort: SortFlags;
  limit?: number;
  pageSize?: number;
  humanReadable: boolean;
  includeStores: boolean;
}

/** --sort key[:dir],… (v2) checked the way glanceclient checks it. */
function checkSort(sort: string): void {
  for (const part of sort.split(',')) {
    const [key = '', dir] = part.trim().split(':');
    if (!isChoice(key, SORT_KEYS)) throw new FlagValueError('--sort', sort, `sort key ${key} is not valid`, `use one of ${SORT_KEYS.join(', ')}`);
    if (dir !== undefined && !isChoice(dir, SORT_DIRS)) throw new FlagValueError('--sort', sort, `sort direction ${dir} is not valid`, 'use asc or desc');
  }
}

export const LIST_FLAGS = {
  name: notInGlanceclient(text('--name <NAME>', 'Only images with this name')),
  status: notInGlanceclient(text('--status <STATUS>', 'Only images in this status')),
  changesSince: notInGlanceclient(text('--changes-since <TIMESTAMP>', 'Only images changed since this ISO 8601 time')),
  containerFormat: notInGlanceclient(text('--container-format <CONTAINER_FORMAT>', 'Only images in this container format', { suggestions: CONTAINER_FORMATS })),
  diskFormat: notInGlanceclient(text('--disk-format <DISK_FORMAT>', 'Only images in this disk format', { suggestions: DISK_FORMATS })),
  sizeMin: notInGlanceclient(byteCount('--size-min <SIZE>', 'Only images of at least this many bytes')),
  sizeMax: notInGlanceclient(byteCount('--size-max <SIZE>', 'Only images of at most this many bytes')),
  propertyFilter: keyValues('--property-filter <KEY=VALUE>', 'Only images with this property (repeatable)'),
  isPublic: notInGlanceclient(boolean('--is-public <IS_PUBLIC>', 'v1: True lists public images, False private ones')),
  visibility: text('--visibility <VISIBILITY>', 'Only images of this visibility', { suggestions: VISIBILITIES }),
  memberStatus: text('--member-status <MEMBER_STATUS>', 'Only shared images in this member status'),
  owner: text('--owner <OWNER>', 'Only images owned by this project'),
  allTenants: notInGlanceclient(presence('--all-tenants', 'v1: images of all projects (Glance v2 shows an admin every image anyway)')),
  checksum: text('--checksum <CHECKSUM>', 'Only images with this MD5 checksum'),
  hash: text('--hash <HASH_VALUE>', 'Only images with this os_hash_value'),
  tag: texts('--tag <TAG>', 'Only images with this tag (repeatable)'),
  hidden: optionalBoolean('--hidden [BOOL]', 'Filter by hidden status (os_hidden)'),
  includeStores: optionalBoolean('--include-stores [BOOL]', 'Add a Stores column'),
  sortKey: choiceList('--sort-key <KEY>', `Sort by this field (repeatable): ${SORT_KEYS.join(', ')}`, SORT_KEYS),
  sortDir: choiceList('--sort-dir <DIR>', 'asc or desc, one per --sort-key (repeatable)', SORT_DIRS),
  sort: text('--sort <KEY[:DIR],...>', 'Sort keys and directions in one flag'),
  pageSize: integer('--page-size <SIZE>', 'Images per request (the list follows every page; 0 or none: 1000, the most Glance serves)', { min: 0 }),
  limit: integer('--limit <LIMIT>', 'At most this many images (0: no limit, as glanceclient)', { min: 0 }),
  humanReadable: notInGlanceclient(presence('--human-readable', 'Sizes in a human-friendly format')),
};

export function listQuery(flags: FlagValues<typeof LIST_FLAGS>): { query: Query; sort: SortFlags; limit?: number; pageSize?: number } {
  const query: Query = {};
  const pass = (param: string, value: string | number | undefined): void => {
    if (value !== undefined) query[param] = value;
  };
  pass('name', flags.name);
  pass('status', flags.status);
  pass('container_format', flags.containerFormat);
  pass('disk_format', flags.diskFormat);
  pass('visibility', flags.visibility);
  pass('member_status', flags.memberStatus);
  pass('owner', flags.owner);
  pass('checksum', flags.checksum);
  pass('os_hash_value', flags.hash);
  if (flags.tag.length > 0) query.tag = flags.tag;
  pass('size_min', flags.sizeMin);
  pass('size_max', flags.sizeMax);
  if (flags.changesSince !== undefined) query.updated_at = `gte:${flags.changesSince}`;
  if (flags.isPublic !== undefined) query.visibility = flags.isPublic ? 'public' : 'private';
  if (flags.hidden !== undefined) query.os_hidden = flags.hidden;
  for (const [key, value] of flags.propertyFilter) query[key] = value;
  const { sortKey, sortDir, sort } = flags;
  let sortFlags: SortFlags;
  if (sort !== undefined) {
    if (sortKey.length > 0 || sortDir.length > 0) throw new UsageError('error: --sort cannot be used with --sort-key or --sort-dir.');
    checkSort(sort);
    sortFlags = { sort };
  } else {
    if (sortDir.length > 1 && sortDir.length !== sortKey.length) {
      throw new UsageError('Unexpected number of sort directions: either provide a single sort direction or an equal number of sort keys.');
    }
    sortFlags = { keys: sortKey, dirs: sortDir };
  }
  // glanceclient takes 0 for either as not given.
  return { query, sort: sortFlags, limit: flags.limit || undefined, pageSize: flags.pageSize || undefined };
}

/**
 * The sort parameters sent. Without sort flags both dialects list by name, ascending. Given some,
 * glanceclient 4.1.0 sends just those (Glance's default direction is desc); the runbook's v1 client
 * sent --sort-key and --sort-dir with their own defaults (name, asc).
 */
export function sortQuery(sort: SortFlags, apiVersion: 1 | 2): Query {
  if ('sort' in sort) return { sort: sort.sort };
  if (sort.keys.length === 0 && sort.dirs.length === 0) return { sort_key: ['name'], sort_dir: ['asc'] };
  if (apiVersion === 2) return { sort_key: sort.keys, sort_dir: sort.dirs };
  return { sort_key: sort.keys.length > 0 ? sort.keys : ['name'], sort_dir: sort.dirs.length > 0 ? sort.dirs : ['asc'] };
}

export const imageList = command({
  spec: {
    name: 'image-list',
    summary: 'List images you can access.',
    example: 'glance image-list',
    options: LIST_FLAGS,
    output: 'list',
    replay: true,
  },
  parse: ({ flags }): Options => ({ ...listQuery(flags), humanReadable: flags.humanReadable, includeStores: flags.includeStores ?? false }),
  async run(options, deps) {
    const layout = deps.glance.imageList({ verbose: deps.globals.verbose, includeStores: options.includeStores, humanReadable: options.humanReadable });
    // One row per image as pages arrive: the images themselves are not kept.
    const rows: Cell[][] = [];
    const query = { ...options.query, ...sortQuery(options.sort, deps.glance.apiVersion) };
    await (await deps.images()).each(query, { limit: options.limit, pageSize: options.pageSize }, (image) => rows.push(layout.row(image)));
    deps.print.list({ columns: layout.columns, rows });
  },
});

// The image-seed manifest (YAML, or JSON, which YAML 1.2 reads too): `images:`, a list of entries,
// each a name, one source (a file relative to the manifest, or an http/https URL) and what the image
// is to be. Every problem is found before anything is sent and reported together, one line each as
// `MANIFEST:LINE: problem and fix`, from the YAML nodes' source ranges.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, parseDocument, visit, type YAMLMap } from 'yaml';
import { readConfigText } from '../../../config/text-file.js';
import { notRegularFile } from '../../../config/file-kind.js';
import { CliError } from '../../../errors.js';
import { type Checksum, parseChecksum } from '../../../hashes/checksum.js';
import { closest } from '../../suggest.js';
import { AUTO_DISK_FORMAT } from './content-check.js';

export interface SeedEntry {
  name: string;
  /** Line of the entry in the manifest, for messages. */
  line: number;
  /** A local file (absolute path; `shown` as the manifest wrote it) or a URL. */
  source: { kind: 'file'; path: string; shown: string } | { kind: 'url'; url: string };
  /** The upstream checksum the data must have, lower-case hex. */
  checksum?: Checksum;
  /** A disk_format, or `auto`: the inspected format. */
  diskFormat: string;
  containerFormat: string;
  visibility?: string;
  tags: string[];
  properties: Record<string, string>;
  minDisk?: number;
  minRam?: number;
  stores: string[];
}

export interface SeedManifest {
  /** The path as given, for messages. */
  path: string;
  entries: SeedEntry[];
}

export const ENTRY_KEYS = [
  'name',
  'file',
  'url',
  'checksum',
  'disk_format',
  'container_format',
  'visibility',
  'tags',
  'properties',
  'min_disk',
  'min_ram',
  'stores',
] as const;
const VISIBILITIES = ['public', 'private', 'shared', 'community'];
/** Image fields Glance keeps itself or the manifest sets with a key of its own: not properties. */
const CORE_FIELDS = new Set(
  `id name status visibility protected os_hidden checksum os_hash_algo os_hash_value owner size virtual_size min_disk min_ram created_at updated_at disk_format container_format tags direct_url locations self file schema stores`.split(
    ' ',
  ),
);
/** Recorded by image-seed itself (openstacksdk's convention): a manifest may not set them. */
const RECORDED_PREFIX = 'owner_specified.openstack.';

/** Reads and checks the manifest; throws one CliError listing every problem. */
export function readManifest(path: string): SeedManifest {
  const text = readConfigText(path, 'manifest', 'give the path of a YAML or JSON manifest');
  const problems = new Problems(path);
  const entries = checkManifest(text, dirname(resolve(path)), problems);
  problems.throwIfAny();
  return { path, entries };
}

/** Collects `MANIFEST:LINE: message` lines, in the order of the lines. */
class Problems {
  readonly lines = new LineCounter();
  private readonly found: Array<{ line: number; text: string }> = [];

  constructor(private readonly path: string) {}

  at(node: { range?: readonly number[] | null } | null | undefined, text: string, fallback = 1): void {
    this.found.push({ line: this.lineOf(node, fallback), text });
  }

  lineOf(node: { range?: readonly number[] | null } | null | undefined, fallback = 1): number {
    const offset = node?.range?.[0];
    return offset === undefined ? fallback : this.lines.linePos(offset).line;
  }

  throwIfAny(): void {
    if (this.found.length === 0) return;
    const sorted = [...this.found].sort((a, b) => a.line - b.line);
    throw new CliError(sorted.map(({ line, text }) => `${this.path}:${line}: ${text}`).join('\n'));
  }
}

function checkManifest(text: string, base: string, problems: Problems): SeedEntry[] {
  const doc = parseDocument(text, { lineCounter: problems.lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) problems.at({ range: [err.pos[0]] }, `${err.message.split('\n')[0]!.replace(/:\s*$/, '')}: fix the YAML/JSON syntax`);
    return [];
  }
  // Aliases are not resolved (each value is read from its own node, so an alias read as a mapping,
  // whatever it pointed to): refused by name, and a billion-laughs manifest is never expanded.
  let aliases = 0;
  visit(doc, {
    Alias(_, alias) {
      aliases++;
      problems.at(alias, `*${alias.source} is a YAML alias, which image-seed does not read: write the value out in full`);
    },
  });
  if (aliases > 0) return [];
  const root = doc.contents;
  if (!isMap(root)) {
    problems.at(root, 'a manifest is a mapping with one key, images: a list of images');
    return [];
  }
  let images: Node | null | undefined;
  for (const pair of root.items) {
    const key = keyText(pair);
    if (key === 'images') images = pair.value as Node | null;
    else problems.at(pair.key as Node, `unknown key '${key}' at the top: a manifest has only images`);
  }
  if (!root.has('images')) problems.at(root, 'no images: a manifest lists its images under images:');
  else if (!isSeq(images)) problems.at(images ?? root, 'images must be a list of images (- name: …)');
  if (!isSeq(images)) return [];
  const entries: SeedEntry[] = [];
  const names = new Map<string, { line: number; name: string }>();
  for (const item of images.items) {
    // Names are compared even in entries with other problems: every problem is reported at once.
    const name = isMap(item) ? item.get('name') : undefined;
    if (typeof name === 'string') {
      // Compared in one Unicode form: café typed as é or as e + U+0301 is two images no one can tell apart.
      const line = problems.lineOf(item as Node);
      const first = names.get(name.normalize('NFC'));
      if (first !== undefined) {
        const form = first.name === name ? '' : ', the same text in another Unicode form';
        problems.at(item as Node, `duplicate name '${name}' (first at line ${first.line}${form}): give each image its own name`);
      } else names.set(name.normalize('NFC'), { line, name });
    }
    const entry = checkEntry(item as Node | null, base, problems);
    if (entry) entries.push(entry);
  }
  return entries;
}

function keyText(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** One entry checked; undefined when it has problems (they are recorded). */
function checkEntry(node: Node | null, base: string, problems: Problems): SeedEntry | undefined {
  if (!isMap(node)) {
    problems.at(node, 'each image is a mapping: name, then file or url, and optional keys');
    return undefined;
  }
  let ok = true;
  const fail = (at: Node | null | undefined, text: string): undefined => {
    ok = false;
    problems.at(at ?? node, text);
    return undefined;
  };
  const values = new Map<string, Node | null>();
  for (const pair of node.items) {
    const key = keyText(pair);
    if ((ENTRY_KEYS as readonly string[]).includes(key)) values.set(key, pair.value as Node | null);
    else {
      const guess = closest(key, ENTRY_KEYS);
      fail(pair.key as Node, `unknown key '${key}'${guess ? ` (did you mean ${guess}?)` : ''}: an image takes ${ENTRY_KEYS.join(', ')}`);
    }
  }
  const read = new EntryReader(node, values, fail);
  const name = read.string('name', true);
  if (name === '') fail(values.get('name'), 'name is empty: give the image a name');
  const source = readSource(read, values, node, base, fail);
  const entry = {
    checksum: readChecksum(read, values, fail),
    diskFormat: read.string('disk_format') ?? AUTO_DISK_FORMAT,
    containerFormat: read.string('container_format') ?? 'bare',
    visibility: read.choice('visibility', VISIBILITIES),
    tags: read.strings('tags') ?? [],
    properties: readProperties(node, values, fail),
    minDisk: read.count('min_disk'),
    minRam: read.count('min_ram'),
    stores: read.strings('stores') ?? [],
  };
  if (!ok || !name || !source) return undefined;
  return { name, line: problems.lineOf(node), source, ...entry };
}

type Fail = (at: Node | null | undefined, text: string) => undefined;

/** Typed values of one entry's keys; a wrong type is a problem naming the key and what it takes. */
class EntryReader {
  constructor(
    private readonly entry: YAMLMap,
    private readonly values: Map<string, Node | null>,
    private readonly fail: Fail,
  ) {}

  private scalar(key: string): { node: Node | null; value: unknown } | undefined {
    if (!this.values.has(key)) return undefined;
    const node = this.values.get(key) ?? null;
    return { node, value: isScalar(node) ? node.value : node === null ? null : node.toJSON() };
  }

  string(key: string, required = false): string | undefined {
    const got = this.scalar(key);
    if (!got) return required ? this.fail(this.entry, `no ${key}: every image needs a ${key}`) : undefined;
    if (typeof got.value !== 'string') return this.fail(got.node, `${key} must be text, not ${kindOf(got.value)}: quote it ('…')`);
    return got.value;
  }

  choice(key: string, choices: readonly string[]): string | undefined {
    const value = this.string(key);
    if (value !== undefined && !choices.includes(value)) return this.fail(this.values.get(key), `${key} '${value}' is not one of ${choices.join(', ')}`);
    return value;
  }

  count(key: string): number | undefined {
    const got = this.scalar(key);
    if (!got) return undefined;
    if (typeof got.value !== 'number' || !Number.isSafeInteger(got.value) || got.value < 0)
      return this.fail(got.node, `${key} must be a whole number of ${key === 'min_ram' ? 'MiB' : 'GiB'}, 0 or more, not ${kindOf(got.value)}`);
    return got.value;
  }

  strings(key: string): string[] | undefined {
    if (!this.values.has(key)) return undefined;
    const node = this.values.get(key) ?? null;
    if (!isSeq(node)) return this.fail(node, `${key} must be a list of text ([a, b] or - a lines)`);
    const items = node.items.map((item) => (isScalar(item) && typeof item.value === 'string' && item.value !== '' ? item.value : undefined));
    const bad = items.indexOf(undefined);
    if (bad >= 0) return this.fail(node.items[bad] as Node, `${key} must list non-empty text: quote each item ('…')`);
    return items as string[];
  }
}

function readSource(read: EntryReader, values: Map<string, Node | null>, entry: YAMLMap, base: string, fail: Fail): SeedEntry['source'] | undefined {
  const file = read.string('file');
  const url = read.string('url');
  if (values.has('file') && values.has('url')) return fail(values.get('url'), 'both file and url: an image has one source, remove one');
  if (!values.has('file') && !values.has('url')) return fail(entry, 'no source: give file (a path relative to the manifest) or url (http or https)');
  if (file !== undefined) return checkFile(file, base, values.get('file'), fail);
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(values.get('url'), `url '${url}' is not a URL: write it whole, https://host/path`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return fail(values.get('url'), `url '${url}' is not http or https: image-seed reads only those`);
  return { kind: 'url', url };
}

function checkFile(file: string, base: string, node: Node | null | undefined, fail: Fail): SeedEntry['source'] | undefined {
  const path = resolve(base, file);
  try {
    const kind = notRegularFile(statSync(path));
    if (kind) return fail(node, `file ${file} is ${kind}: give a regular file`);
    accessSync(path, constants.R_OK);
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    return fail(node, `file ${file} ${missing ? 'does not exist' : 'cannot be read'} (${path}): paths are relative to the manifest's directory`);
  }
  return { kind: 'file', path, shown: file };
}

function readChecksum(read: EntryReader, values: Map<string, Node | null>, fail: Fail): SeedEntry['checksum'] {
  const text = read.string('checksum');
  if (text === undefined) return undefined;
  // As upstream publishes it, always with its algorithm: 32 bare hex digits (v1's --checksum) are not taken here.
  const parsed = /^[A-Za-z0-9]+:/.test(text.trim()) ? parseChecksum(text) : { problem: 'no algorithm' };
  if ('problem' in parsed)
    return fail(values.get('checksum'), `checksum '${text}' is not sha256:<64 hex digits>, sha512:<128 hex digits> or md5:<32 hex digits> (${parsed.problem})`);
  return parsed;
}

function readProperties(entry: YAMLMap, values: Map<string, Node | null>, fail: Fail): Record<string, string> {
  if (!values.has('properties')) return {};
  const node = values.get('properties') ?? null;
  if (!isMap(node)) return fail(node ?? entry, 'properties must be a mapping of names to text (key: value lines)') ?? {};
  const properties: Record<string, string> = {};
  for (const pair of node.items) {
    const key = keyText(pair);
    const value = pair.value as Node | null;
    if (CORE_FIELDS.has(key))
      fail(
        pair.key as Node,
        `property '${key}' is an image field, not a property: ${ENTRY_KEYS.includes(key as never) ? `use the key ${key}` : 'Glance sets it'}`,
      );
    else if (key.startsWith(RECORDED_PREFIX))
      fail(pair.key as Node, `property '${key}' is recorded by image-seed itself (openstacksdk's convention): remove it`);
    else if (!isScalar(value) || typeof value.value !== 'string')
      fail(value ?? (pair.key as Node), `property '${key}' must be text, not ${kindOf(isScalar(value) ? value.value : value?.toJSON())}: quote it ('…')`);
    else properties[key] = value.value;
  }
  return properties;
}

function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `'${value}'`;
  return `${typeof value === 'number' ? 'the number' : typeof value === 'boolean' ? 'the boolean' : typeof value} ${String(value)}`;
}

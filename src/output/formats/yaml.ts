// cliff's yaml format: a list is a sequence of mappings with keys sorted (PyYAML's safe_dump
// default); a record is one mapping in field order. YAML 1.1 quoting, so strings that a 1.1
// parser (PyYAML, Ansible) would read as booleans or dates ('True', 'yes', '2024-01-01') stay strings.
// Mappings are built from Maps: a plain object would put integer-like keys ('123') first.
import { stringify, type ScalarTag, type Tags } from 'yaml';
import type { Cell } from '../views.js';
import type { Tabular } from './types.js';

/**
 * Characters PyYAML (so Ansible too) refuses raw or reads back changed in a plain or single-quoted
 * scalar: C0 controls but newline (a tab included), DEL and C1 controls, the line breaks
 * U+0085/U+2028/U+2029 (folded), U+FEFF (stripped), U+FFFE/U+FFFF and lone surrogates.
 */
const NEEDS_ESCAPES = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** PyYAML's short escapes in double-quoted scalars. */
const SHORT_ESCAPES: Record<string, string> = {
  '\0': '0',
  '\x07': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\v': 'v',
  '\f': 'f',
  '\r': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\x85': 'N',
  '\u2028': 'L',
  '\u2029': 'P',
};

/** One-line double-quoted scalar escaped as PyYAML writes it (\xXX / \uXXXX); other unicode stays raw. */
function pyDoubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += `\\${short}`;
    else if (!NEEDS_ESCAPES.test(ch)) out += ch;
    else if (code <= 0xff) out += `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `${out}"`;
}

/**
 * The YAML 1.1 tags, less !!omap (our Maps are plain mappings whose order matters only for the
 * reader's eye), and with a string tag that escapes characters PyYAML cannot read raw (keys too).
 */
function outputTags(tags: Tags): Tags {
  return tags
    .filter((tag) => typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:omap')
    .map((tag) =>
      typeof tag !== 'string' && tag.tag === 'tag:yaml.org,2002:str' && !('collection' in tag && tag.collection) ? escaping(tag as ScalarTag) : tag,
    );
}

function escaping(tag: ScalarTag): ScalarTag {
  const plain = tag.stringify!;
  return {
    ...tag,
    stringify: (item, ...rest) => (typeof item.value === 'string' && NEEDS_ESCAPES.test(item.value) ? pyDoubleQuoted(item.value) : plain(item, ...rest)),
  };
}

const STYLE = { version: '1.1', indentSeq: false, lineWidth: 0, singleQuote: true, customTags: outputTags } as const;

export function yamlList(table: Tabular): string {
  const items = table.rows.map((row) => new Map(table.columns.map((name, i) => [name, row[i] ?? null])));
  return stringify(items, { ...STYLE, sortMapEntries: true });
}

export function yamlRecord(fields: ReadonlyArray<readonly [string, Cell]>): string {
  if (fields.length === 0) return '{}\n';
  return stringify(new Map(fields.map(([name, value]) => [name, value ?? null])), { ...STYLE, sortMapEntries: false });
}

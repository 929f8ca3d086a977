// cliff's json format: a list is an array of objects keyed by column name, a record one object;
// keys in column order. Byte-compatible with Python's json.dump (ensure_ascii, indent 2, or
// `, ` / `: ` separators with --noindent), so output diffs cleanly against python-openstackclient.
// Rows and records are written from their (name, value) pairs: a JS object would put
// integer-like keys ('123') first, away from the table's order.
import type { Cell } from '../views.js';
import type { Tabular } from './types.js';

type Pairs = ReadonlyArray<readonly [string, unknown]>;

export function jsonList(table: Tabular, noindent: boolean): string {
  const rows = table.rows.map((row): Pairs => table.columns.map((name, i) => [name, row[i] ?? null]));
  if (noindent) return `[${rows.map(compactPairs).join(', ')}]\n`;
  return asciiOnly(rows.length === 0 ? '[]' : `[\n${rows.map((row) => `  ${indentedPairs(row, '  ')}`).join(',\n')}\n]`) + '\n';
}

export function jsonRecord(fields: ReadonlyArray<readonly [string, Cell]>, noindent: boolean): string {
  // As JSON.stringify did: a field without a value is left out.
  const pairs = fields.filter(([, value]) => value !== undefined);
  return (noindent ? compactPairs(pairs) : asciiOnly(indentedPairs(pairs, ''))) + '\n';
}

/** json.dumps(indent=2) of one object at the given indentation; nested values keep their own key order. */
function indentedPairs(pairs: Pairs, indent: string): string {
  if (pairs.length === 0) return '{}';
  const inner = `${indent}  `;
  const items = pairs.map(([key, value]) => `${inner}${JSON.stringify(key)}: ${(JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, `\n${inner}`)}`);
  return `{\n${items.join(',\n')}\n${indent}}`;
}

function compactPairs(pairs: Pairs): string {
  return `{${pairs.map(([k, v]) => `${asciiOnly(JSON.stringify(k))}: ${compact(v)}`).join(', ')}}`;
}

/** Python's json.dumps(indent=None): one line, `, ` between items and `: ` after keys, ensure_ascii. */
export function compact(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(compact).join(', ')}]`;
  if (value !== null && typeof value === 'object') return compactPairs(Object.entries(value).filter(([, v]) => v !== undefined));
  return asciiOnly(JSON.stringify(value ?? null));
}

/** Python's ensure_ascii: everything outside printable ASCII as \uXXXX (UTF-16 units). */
function asciiOnly(json: string): string {
  return json.replace(/[^\x20-\x7e\n]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

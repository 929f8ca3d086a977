// cliff's json format: a list is an array of objects keyed by column name, a record one object;
// keys in column order. Byte-compatible with Python's json.dump (ensure_ascii, indent 2, or
// `, ` / `: ` separators with --noindent), so output diffs cleanly against python-openstackclient.
import type { Cell } from '../views.js';
import type { Tabular } from './types.js';

export function jsonList(table: Tabular, noindent: boolean): string {
  return dump(table.rows.map((row) => toObject(table.columns, row)), noindent) + '\n';
}

export function jsonRecord(fields: ReadonlyArray<readonly [string, Cell]>, noindent: boolean): string {
  return dump(Object.fromEntries(fields), noindent) + '\n';
}

function toObject(columns: readonly string[], row: readonly Cell[]): Record<string, Cell> {
  return Object.fromEntries(columns.map((name, i) => [name, row[i] ?? null]));
}

function dump(value: unknown, noindent: boolean): string {
  return noindent ? compact(value) : asciiOnly(JSON.stringify(value, null, 2) ?? 'null');
}

/** Python's json.dumps(indent=None): one line, `, ` between items and `: ` after keys. */
function compact(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(compact).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => `${asciiOnly(JSON.stringify(k))}: ${compact(v)}`).join(', ')}}`;
  }
  return asciiOnly(JSON.stringify(value ?? null));
}

/** Python's ensure_ascii: everything outside printable ASCII as \uXXXX (UTF-16 units). */
function asciiOnly(json: string): string {
  return json.replace(/[^\x20-\x7e\n]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// cliff's yaml format: a list is a sequence of mappings with keys sorted (PyYAML's safe_dump
// default); a record is one mapping in field order. YAML 1.1 quoting, so strings that a 1.1
// parser (PyYAML, Ansible) would read as booleans or dates ('True', 'yes', '2024-01-01') stay strings.
import { Scalar, stringify } from 'yaml';
import type { Cell } from '../views.js';
import type { Tabular } from './types.js';

const STYLE = { version: '1.1', indentSeq: false, lineWidth: 0, singleQuote: true } as const;

/** PyYAML (so Ansible too) refuses a raw tab inside a plain scalar: such values are written double-quoted ("\t"). */
function quoteTabs(_key: unknown, value: unknown): unknown {
  if (typeof value !== 'string' || !value.includes('\t')) return value;
  const scalar = new Scalar(value);
  scalar.type = 'QUOTE_DOUBLE';
  return scalar;
}

export function yamlList(table: Tabular): string {
  const items = table.rows.map((row) => Object.fromEntries(table.columns.map((name, i) => [name, row[i] ?? null])));
  return stringify(items, quoteTabs, { ...STYLE, sortMapEntries: true });
}

export function yamlRecord(fields: ReadonlyArray<readonly [string, Cell]>): string {
  if (fields.length === 0) return '{}\n';
  return stringify(Object.fromEntries(fields.map(([name, value]) => [name, value ?? null])), quoteTabs, { ...STYLE, sortMapEntries: false });
}

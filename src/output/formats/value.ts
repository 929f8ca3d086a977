// cliff's value format: for a list, each row's values joined by one space; for a record, one value
// per line. No header, no quoting: made for `read` and `awk`.
import type { Cell } from '../views.js';
import type { CellText, Tabular } from './types.js';

export function valueList(table: Tabular, text: CellText): string {
  return table.rows.map((row) => table.columns.map((_, i) => text(row[i])).join(' ') + '\n').join('');
}

export function valueRecord(fields: ReadonlyArray<readonly [string, Cell]>, text: CellText): string {
  return fields.map(([, value]) => text(value) + '\n').join('');
}

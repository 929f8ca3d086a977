// cliff's csv format: Python's csv.writer with doublequote, escapechar `\` and `\n` line ends.
// Quote modes: nonnumeric (default: numbers and booleans bare, everything else quoted), minimal
// (only when needed), all, none (special characters escaped instead).
import type { Cell } from '../views.js';
import type { CellText, QuoteMode, Tabular } from './types.js';

export function csvList(table: Tabular, text: CellText, quote: QuoteMode): string {
  const lines = [table.columns.map((name) => field(name, name, quote, table.columns.length))];
  for (const row of table.rows) lines.push(table.columns.map((_, i) => field(row[i], text(row[i]), quote, table.columns.length)));
  return lines.map((cells) => cells.join(',') + '\n').join('');
}

/** A record as a one-row table: field names as the header. */
export function csvRecord(fields: ReadonlyArray<readonly [string, Cell]>, text: CellText, quote: QuoteMode): string {
  return csvList({ columns: fields.map(([name]) => name), rows: [fields.map(([, value]) => value)] }, text, quote);
}

function field(value: Cell, shown: string, quote: QuoteMode, width: number): string {
  if (quote === 'none') return shown.replace(/[\\,"\n]/g, '\\$&');
  const escaped = shown.replace(/\\/g, '\\\\');
  const numeric = typeof value === 'number' || typeof value === 'boolean';
  const quoted = quote === 'all' || (quote === 'nonnumeric' && !numeric) || (quote === 'minimal' && (/[,"\n]/.test(shown) || (shown === '' && width === 1)));
  return quoted ? `"${escaped.replace(/"/g, '""')}"` : escaped;
}

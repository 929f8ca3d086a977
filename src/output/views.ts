// What commands hand to the printer: typed rows, no formatting decisions about the grid itself.
import type { Align } from './grid.js';

export type Cell = string | number | boolean | null | undefined | readonly unknown[] | { readonly [key: string]: unknown };

export interface TableStyle {
  align: Align;
  /** How a typed value reads in a grid cell (dialects differ: '' vs None vs json). */
  text: (value: Cell) => string;
  /** Wrap record values wider than this many columns (glanceclient: 80). */
  maxWidth?: number;
  /** PrettyTable's per-field max_width (glanceclient's field_settings), by column name; wins over maxWidth. */
  columnMaxWidths?: Readonly<Record<string, number>>;
  /** PrettyTable's print_empty: false prints a list without rows as one empty line (classic keystone). */
  printEmpty?: boolean;
}

export interface ListView {
  columns: readonly string[];
  rows: ReadonlyArray<readonly Cell[]>;
}

export interface RecordView {
  /** Header of the two grid columns; the classic clients used Property | Value. */
  headers?: readonly [string, string];
  fields: ReadonlyArray<readonly [string, Cell]>;
}

export function plainText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

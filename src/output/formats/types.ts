// What every machine format receives: typed cells (json/yaml keep types) and the dialect's cell
// text (value/shell/csv print what the grid would show).
import type { Cell } from '../views.js';

export interface Tabular {
  columns: readonly string[];
  rows: ReadonlyArray<readonly Cell[]>;
}

export type CellText = (value: Cell) => string;

export type QuoteMode = 'all' | 'minimal' | 'none' | 'nonnumeric';
export const QUOTE_MODES: readonly QuoteMode[] = ['all', 'minimal', 'none', 'nonnumeric'];

// Turns views into text on stdout in the chosen format; the only module that writes results.
import { UsageError } from '../errors.js';
import { renderGrid } from './grid.js';
import type { ListView, RecordView, TableStyle } from './views.js';

export type Format = 'table';
export const FORMATS = ['table'] as const;

export interface PrintOptions {
  format: Format;
  columns: readonly string[];
}

export interface Writer {
  write(text: string): void;
}

export class Printer {
  constructor(
    private readonly out: Writer,
    private readonly style: TableStyle,
    private readonly options: PrintOptions = { format: 'table', columns: [] },
  ) {}

  list(view: ListView, style: Partial<TableStyle> = {}): void {
    const s = { ...this.style, ...style };
    const picked = this.pick(view.columns);
    const rows = view.rows.map((row) => picked.map((i) => s.text(row[i])));
    this.out.write(renderGrid(picked.map((i) => view.columns[i]!), rows, { align: s.align }) + '\n');
  }

  record(view: RecordView, style: Partial<TableStyle> = {}): void {
    const s = { ...this.style, ...style };
    const names = view.fields.map(([name]) => name);
    const keep = new Set(this.pick(names).map((i) => names[i]));
    const rows = view.fields.filter(([name]) => keep.has(name)).map(([name, value]) => [name, s.text(value)]);
    this.out.write(renderGrid(view.headers ?? ['Property', 'Value'], rows, { align: s.align }) + '\n');
  }

  /** -c COLUMN selection (indices into the view's columns, in the order asked for). */
  private pick(columns: readonly string[]): number[] {
    if (this.options.columns.length === 0) return columns.map((_, i) => i);
    return this.options.columns.map((name) => {
      const index = columns.indexOf(name);
      if (index < 0) throw new UsageError(`No column '${name}': choose from ${columns.join(', ')}.`);
      return index;
    });
  }
}

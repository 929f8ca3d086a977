// Turns views into text on stdout in the chosen format; the only module that writes results.
import { UsageError } from '../errors.js';
import { csvList, csvRecord } from './formats/csv.js';
import { jsonList, jsonRecord } from './formats/json.js';
import { shellRecord } from './formats/shell.js';
import type { QuoteMode } from './formats/types.js';
import { valueList, valueRecord } from './formats/value.js';
import { renderGrid } from './grid.js';
import { terminalLines } from './terminal-text.js';
import type { Cell, ListView, RecordView, TableStyle } from './views.js';

export const FORMATS = ['table', 'json', 'yaml', 'value', 'shell', 'csv'] as const;
export type Format = (typeof FORMATS)[number];
export type { QuoteMode };

export interface PrintOptions {
  format: Format;
  columns: readonly string[];
  /** json: one line. */
  noindent?: boolean;
  /** shell: prefix for variable names. */
  prefix?: string;
  /** csv: when to quote (cliff's default: nonnumeric). */
  quote?: QuoteMode;
}

export interface Writer {
  write(text: string): void;
}

/** A format the command's kind cannot print (cliff offers shell for single items only). */
export function checkFormat(kind: 'list' | 'record' | 'none' | undefined, format: Format): void {
  if (kind === 'list' && format === 'shell') {
    throw new UsageError('-f shell prints one item; for lists use -f value, csv, json or yaml.');
  }
}

export class Printer {
  constructor(
    private readonly out: Writer,
    private readonly style: TableStyle,
    private readonly options: PrintOptions = { format: 'table', columns: [] },
  ) {}

  private yaml?: typeof import('./formats/yaml.js');

  /** Loads what the chosen format needs before the command runs: the yaml library stays off start-up. */
  async ready(): Promise<void> {
    if (this.options.format === 'yaml') this.yaml ??= await import('./formats/yaml.js');
  }

  private yamlFormat(): typeof import('./formats/yaml.js') {
    if (!this.yaml) throw new Error('Printer.ready() was not awaited before printing yaml.');
    return this.yaml;
  }

  /** A line of text for people (it may hold server text): shown terminal-safe. */
  line(text: string): void {
    this.out.write(terminalLines(text) + '\n');
  }

  list(view: ListView, style: Partial<TableStyle> = {}): void {
    const s = { ...this.style, ...style };
    const picked = this.pick(view.columns);
    const table = { columns: picked.map((i) => view.columns[i]!), rows: view.rows.map((row) => picked.map((i) => row[i])) };
    const { format, noindent = false, quote = 'nonnumeric' } = this.options;
    switch (format) {
      case 'table':
        if (table.rows.length === 0 && s.printEmpty === false) return this.out.write('\n');
        return this.out.write(
          renderGrid(
            table.columns,
            table.rows.map((row) => row.map(s.text)),
            { align: s.align, maxWidth: s.maxWidth, columnMaxWidths: table.columns.map((c) => s.columnMaxWidths?.[c]) },
          ) + '\n',
        );
      case 'json':
        return this.out.write(jsonList(table, noindent));
      case 'yaml':
        return this.out.write(this.yamlFormat().yamlList(table));
      case 'value':
        return this.out.write(valueList(table, s.text));
      case 'csv':
        return this.out.write(csvList(table, s.text, quote));
      case 'shell':
        return checkFormat('list', format);
    }
  }

  record(view: RecordView, style: Partial<TableStyle> = {}): void {
    const s = { ...this.style, ...style };
    const names = view.fields.map(([name]) => name);
    const fields: Array<readonly [string, Cell]> = this.pick(names).map((i) => view.fields[i]!);
    const { format, noindent = false, prefix = '', quote = 'nonnumeric' } = this.options;
    switch (format) {
      case 'table': {
        const rows = fields.map(([name, value]) => [name, s.text(value)]);
        return this.out.write(renderGrid(view.headers ?? ['Property', 'Value'], rows, { align: s.align, maxWidth: s.maxWidth }) + '\n');
      }
      case 'json':
        return this.out.write(jsonRecord(fields, noindent));
      case 'yaml':
        return this.out.write(this.yamlFormat().yamlRecord(fields));
      case 'value':
        return this.out.write(valueRecord(fields, s.text));
      case 'shell':
        return this.out.write(shellRecord(fields, s.text, prefix));
      case 'csv':
        return this.out.write(csvRecord(fields, s.text, quote));
    }
  }

  /** -c COLUMN selection: indices into the view's columns, in the order asked for. */
  private pick(columns: readonly string[]): number[] {
    if (this.options.columns.length === 0) return columns.map((_, i) => i);
    return this.options.columns.map((name) => {
      const index = columns.indexOf(name);
      if (index < 0) throw new UsageError(`No column '${name}': choose from ${columns.join(', ')}.`);
      return index;
    });
  }
}

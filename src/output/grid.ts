// PrettyTable-exact grids: the format both classic clients printed and scripts still parse.
import { terminalLines } from './terminal-text.js';
import { fill } from './textwrap.js';
import { displayWidth } from './width.js';

export type Align = 'left' | 'center';

export interface GridOptions {
  align: Align;
  /** PrettyTable's max_width: cap each column's width; wider lines are wrapped with Python's textwrap. */
  maxWidth?: number;
  /** A cap for some columns (by position) instead of maxWidth. */
  columnMaxWidths?: ReadonlyArray<number | undefined>;
}

/** Python's str.center as PrettyTable applies it: odd spare space goes right for odd-width text, left for even. */
function justify(text: string, width: number, align: Align): string {
  const textWidth = displayWidth(text);
  const excess = width - textWidth;
  // A wrapped line can still be wider than its column (textwrap counts characters, a CJK one is
  // two columns wide); Python's `' ' * -n` is '', so PrettyTable prints it unpadded.
  if (excess <= 0) return text;
  if (align === 'left') return text + ' '.repeat(excess);
  const half = Math.floor(excess / 2);
  if (excess % 2 === 0) return ' '.repeat(half) + text + ' '.repeat(half);
  return textWidth % 2 === 1 ? ' '.repeat(half) + text + ' '.repeat(half + 1) : ' '.repeat(half + 1) + text + ' '.repeat(half);
}

function cellLines(value: string): string[] {
  return value.includes('\n') ? value.split('\n') : [value];
}

/** Widest line of a cell. */
function cellWidth(value: string): number {
  if (!value.includes('\n')) return displayWidth(value);
  let widest = 0;
  for (const line of value.split('\n')) widest = Math.max(widest, displayWidth(line));
  return widest;
}

/**
 * Renders header + rows; cells may hold newlines (one grid line each, top-aligned like PrettyTable).
 * Cells are untrusted text: controls are shown escaped (terminal-text.ts) before widths are measured,
 * so the grid stays rectangular and nothing in a cell acts on the terminal; a newline stays a line
 * break inside its cell, as PrettyTable draws it.
 */
export function renderGrid(rawHeaders: readonly string[], rawRows: readonly (readonly string[])[], options: GridOptions): string {
  const headers = rawHeaders.map(terminalLines);
  const rows = rawRows.map((row) => row.map(terminalLines));
  const widths = headers.map((h) => displayWidth(h));
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, Math.min(cellWidth(cell), options.columnMaxWidths?.[i] ?? options.maxWidth ?? Infinity));
    });
  }
  const fit = (cell: string, i: number): string =>
    cellLines(cell)
      .map((line) => (displayWidth(line) > widths[i]! ? fill(line, widths[i]!) : line))
      .join('\n');
  const rule = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+';
  const renderRow = (cells: readonly string[]): string[] => {
    // Most rows are one line of cells that fit: padded straight away.
    if (cells.every((cell, i) => !cell.includes('\n') && displayWidth(cell) <= widths[i]!)) {
      return ['|' + widths.map((w, i) => ' ' + justify(cells[i] ?? '', w, options.align) + ' ').join('|') + '|'];
    }
    const split = cells.map((cell, i) => cellLines(fit(cell, i)));
    const height = Math.max(1, ...split.map((lines) => lines.length));
    const out: string[] = [];
    for (let k = 0; k < height; k++) {
      out.push('|' + widths.map((w, i) => ' ' + justify(split[i]?.[k] ?? '', w, options.align) + ' ').join('|') + '|');
    }
    return out;
  };
  const lines = [rule, ...renderRow(headers), rule];
  for (const row of rows) lines.push(...renderRow(row));
  lines.push(rule);
  return lines.join('\n');
}

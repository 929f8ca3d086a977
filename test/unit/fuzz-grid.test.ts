// Fuzzing the grid renderer: any unicode, newlines, very long values never crash or hang and
// always give a rectangular grid; and a differential test against Python's real PrettyTable
// (python3-prettytable, the library both classic clients printed with) on random tables,
// left and centred, with and without max_width: byte for byte the same.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderGrid, type Align } from '../../src/output/grid.js';
import { displayWidth } from '../../src/output/width.js';

const anyText = fc.string({ unit: 'binary', maxLength: 40 });
const table = (cell: fc.Arbitrary<string>, maxCols = 5, maxRows = 6, header: fc.Arbitrary<string> = cell) =>
  fc.integer({ min: 1, max: maxCols }).chain((cols) =>
    fc.record({
      headers: fc.uniqueArray(header, { minLength: cols, maxLength: cols }),
      rows: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { maxLength: maxRows }),
      align: fc.constantFrom<Align>('left', 'center'),
    }),
  );

describe('renderGrid never crashes, never hangs, always draws a rectangle', () => {
  it('any unicode (controls, surrogates, combining marks, wide characters, newlines)', () => {
    fc.assert(
      fc.property(table(anyText), fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }), ({ headers, rows, align }, maxWidth) => {
        const started = Date.now();
        const grid = renderGrid(headers, rows, { align, maxWidth });
        expect(Date.now() - started).toBeLessThan(1000);
        const lines = grid.split('\n');
        const rule = lines[0]!;
        expect(rule).toMatch(/^\+(-+\+)+$/);
        expect(lines.at(-1)).toBe(rule);
        // Without a max width every line is as wide as the rule (by the grid's own display-width
        // measure); with one, a wrapped wide character may overhang, as in PrettyTable.
        if (maxWidth === undefined) for (const line of lines) expect(displayWidth(line)).toBe(displayWidth(rule));
      }),
      { numRuns: 500, seed: 20261126 },
    );
  });

  it('very long values (10k characters, long words, long lines of spaces) with and without max width', () => {
    const long = fc.oneof(
      fc.string({ minLength: 2000, maxLength: 10_000 }),
      fc.constantFrom('a'.repeat(10_000), ' '.repeat(5000), '-'.repeat(5000), 'x-'.repeat(3000), '日本'.repeat(3000), 'word '.repeat(2000)),
    );
    fc.assert(
      fc.property(
        table(fc.oneof(long, fc.string({ maxLength: 10 })), 3, 3),
        fc.option(fc.integer({ min: 1, max: 80 }), { nil: undefined }),
        ({ headers, rows, align }, maxWidth) => {
          // A hang is caught by the test timeout; speed belongs to bench/, not to a timed assertion that fails under load.
          const grid = renderGrid(headers, rows, { align, maxWidth });
          const lines = grid.split('\n');
          if (maxWidth === undefined) for (const line of lines) expect(displayWidth(line)).toBe(displayWidth(lines[0]!));
          else for (const line of lines) expect(line).toMatch(/^[|+]/);
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});

// ---- differential against Python's PrettyTable ----

const PYTHON = `
import json, sys, prettytable
out = []
for t in json.load(sys.stdin):
    pt = prettytable.PrettyTable(t["headers"])
    for row in t["rows"]:
        pt.add_row(row)
    pt.align = "l" if t["align"] == "left" else "c"
    if t.get("maxWidth"):
        pt.max_width = t["maxWidth"]
    out.append(pt.get_string())
json.dump(out, sys.stdout)
`;

interface Table {
  headers: string[];
  rows: string[][];
  align: Align;
  maxWidth?: number;
}

function prettytable(tables: readonly Table[]): string[] {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', PYTHON], { input: JSON.stringify(tables), maxBuffer: 64 * 1024 * 1024 }).toString()) as string[];
}

/** Characters both sides must measure alike: ASCII, Latin accents, CJK, fullwidth, Hangul, combining accents, symbols, emoji, flags. */
const PRINTABLE = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...'abcXYZ019 -_./:=,;!?()[]{}\'"#@%&*+<>|~`^$\\') },
  { weight: 2, arbitrary: fc.constantFrom('é', 'ß', 'ñ', 'Ø', 'ł', 'Ω', 'ж', '€', '°', '·') },
  { weight: 2, arbitrary: fc.constantFrom('日', '本', '語', '한', '국', 'ア', 'Ｆ', 'ｕ', '中', '文') },
  { weight: 1, arbitrary: fc.constantFrom('e\u0301', 'a\u0308', 'n\u0303') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('✓', '→', '—', '…', '❤', '☃', '\u200b', '\u00ad', '〜', '＿', '🌀', '😀', '👍', '🚀', '⌚', '✅', '⭐', '🛑', '🟢', '🪐', '🇩🇪'),
  },
);
const cellText = fc.array(PRINTABLE, { maxLength: 14 }).map((chars) => chars.join(''));
const cellWithNewlines = fc.array(cellText, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));

function differential(arb: fc.Arbitrary<Table>, runs: number, seed: number): void {
  const tables = fc.sample(arb, { numRuns: runs, seed });
  const expected = prettytable(tables);
  const mismatches = tables
    .map((t, i) => ({ t, ours: renderGrid(t.headers, t.rows, { align: t.align, maxWidth: t.maxWidth }), python: expected[i]! }))
    .filter((m) => m.ours !== m.python);
  if (mismatches.length > 0) {
    const first = mismatches[0]!;
    expect.fail(
      `${mismatches.length}/${tables.length} tables differ from PrettyTable; first: ${JSON.stringify(first.t)}\n--- PrettyTable\n${first.python}\n--- ours\n${first.ours}`,
    );
  }
}

describe('differential: renderGrid vs Python PrettyTable', () => {
  it('python3-prettytable is importable (installed with the Debian reference clients)', () => {
    expect(execFileSync('/usr/bin/python3', ['-c', 'import prettytable; print("ok")']).toString().trim()).toBe('ok');
  });

  it('400 random single-line tables, left and centred', () => {
    const arb = table(cellText, 5, 6).map((t) => ({ ...t }) as Table);
    differential(arb, 400, 1);
  });

  it('300 random tables with newlines in cells', () => {
    const arb = table(cellWithNewlines, 4, 4, cellText).map((t) => ({ ...t }) as Table);
    differential(arb, 300, 2);
  });

  it('300 random tables with max_width (textwrap) on words, hyphens and long runs', () => {
    const words = fc
      .array(fc.oneof(cellText, fc.constantFrom('file:///var/lib/glance/images/8badaf16-7fa0-44ae', 'a-b-c-d', 'well-known', '--x', 'x'.repeat(30))), {
        maxLength: 6,
      })
      .map((w) => w.join(' '));
    const arb = fc.tuple(table(words, 3, 4, cellText), fc.integer({ min: 4, max: 40 })).map(([t, maxWidth]) => ({ ...t, maxWidth }) as Table);
    differential(arb, 300, 3);
  });
});

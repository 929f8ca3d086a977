// Fuzzing the machine formats: any cell values (any unicode, numbers, nesting) never crash, the
// JSON is pure ASCII and reads back to the same data, and a differential against Python: the JSON
// is byte-identical to json.dumps (indent=2 / --noindent) and PyYAML's safe_load reads our YAML
// back to exactly the data (strings like 'yes', '2024-01-01', '~' stay strings).
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { jsonList, jsonRecord } from '../../src/output/formats/json.js';
import { yamlList, yamlRecord } from '../../src/output/formats/yaml.js';
import type { Cell } from '../../src/output/views.js';

/** Strings YAML 1.1 or JSON might misread, mixed with random unicode. */
const TRICKY = fc.constantFrom(
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  '~',
  'null',
  'Null',
  'true',
  'False',
  '2024-01-01',
  '2024-01-01T10:00:00Z',
  '12:30:00',
  '0o17',
  '017',
  '0x1f',
  '1e3',
  '.inf',
  '-.Inf',
  '.nan',
  '+1',
  '1_000',
  '',
  ' ',
  ' lead',
  'trail ',
  '- dash',
  ': colon',
  '#hash',
  'a: b',
  '[x]',
  '{y}',
  '*alias',
  '&anchor',
  '!tag',
  '%pct',
  '@at',
  '`tick`',
  '"dq"',
  "'sq'",
  '|',
  '>',
  '?',
  'multi\nline',
  'tab\there',
  '\\back',
  'é日本🚀',
  '\u00a0nbsp',
  '<html>',
  '0',
  '123',
  '42',
);
/**
 * Characters PyYAML cannot read raw in a plain or single-quoted scalar (it folds U+0085/U+2028/U+2029
 * as line breaks, strips U+FEFF, refuses U+007F-U+009F and U+FFFE/U+FFFF), so they must be escaped.
 */
const PYYAML_ESCAPED = fc.constantFrom('\x7f', '\x80', '\x85', '\x9b', '\x9f', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff', '\r', '\x00', '\x1b');
const text = (unit: 'binary' | 'grapheme') =>
  fc.oneof(
    TRICKY,
    fc.string({ unit, maxLength: 20 }),
    fc.array(fc.oneof(PYYAML_ESCAPED, fc.string({ unit, maxLength: 3 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
  );

/** Cells as our records hold them; `unit` picks whether lone surrogates may appear. */
function cell(unit: 'binary' | 'grapheme'): fc.Arbitrary<Cell> {
  const leaf = fc.oneof(text(unit), fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.boolean(), fc.constant(null));
  const nested = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(COLUMN, tie('value'), { maxKeys: 3 }),
    ),
  })).value;
  return fc.oneof({ weight: 4, arbitrary: leaf }, { weight: 1, arbitrary: nested }) as fc.Arbitrary<Cell>;
}

/** Column names: any text, integer-like ('123', which a JS object would move first) and with tabs too. */
const COLUMN = text('grapheme');
const list = (unit: 'binary' | 'grapheme') =>
  fc.uniqueArray(COLUMN, { minLength: 1, maxLength: 5 }).chain((columns) =>
    fc.record({
      columns: fc.constant(columns),
      rows: fc.array(fc.array(cell(unit), { minLength: columns.length, maxLength: columns.length }), { maxLength: 5 }),
    }),
  );
const record = (unit: 'binary' | 'grapheme') => fc.uniqueArray(fc.tuple(COLUMN, cell(unit)), { selector: ([k]) => k, maxLength: 8 });

const asObjects = (t: { columns: readonly string[]; rows: readonly (readonly Cell[])[] }): unknown[] =>
  t.rows.map((row) => Object.fromEntries(t.columns.map((c, i) => [c, row[i] ?? null])));

describe('no crash, no hang, data reads back', () => {
  it('JSON list and record: any unicode (lone surrogates too), pure ASCII out, JSON.parse gives the data back', () => {
    fc.assert(
      fc.property(list('binary'), record('binary'), fc.boolean(), (t, fields, noindent) => {
        const out = jsonList(t, noindent);
        expect(out).toMatch(/^[\x20-\x7e\n]*$/);
        expect(JSON.parse(out)).toEqual(asObjects(t));
        const rec = jsonRecord(fields, noindent);
        expect(JSON.parse(rec)).toEqual(Object.fromEntries(fields.map(([k, v]) => [k, v ?? null])));
      }),
      { numRuns: 1000, seed: 31 },
    );
  });

  it('YAML list and record: any unicode, our own parser reads the data back', () => {
    fc.assert(
      fc.property(list('grapheme'), record('grapheme'), (t, fields) => {
        expect(parseYaml(yamlList(t), { version: '1.1' })).toEqual(asObjects(t));
        const back = parseYaml(yamlRecord(fields), { version: '1.1' }) as Record<string, unknown>;
        expect(back).toEqual(Object.fromEntries(fields.map(([k, v]) => [k, v ?? null])));
      }),
      { numRuns: 1000, seed: 32 },
    );
  });

  it('lone surrogates and control characters in YAML: no crash', () => {
    fc.assert(
      fc.property(list('binary'), record('binary'), (t, fields) => {
        expect(typeof yamlList(t)).toBe('string');
        expect(typeof yamlRecord(fields)).toBe('string');
      }),
      { numRuns: 500, seed: 33 },
    );
  });

  // Not a timed test: a quadratic formatter would take minutes here and hit the test's limit.
  it('very large values (1 MB strings, 10k rows) are formatted whole', () => {
    const big = 'x'.repeat(1_000_000);
    const rows = Array.from({ length: 10_000 }, (_, i) => [String(i), `name-${i}`, i]);
    for (const [format, last] of [
      [() => jsonList({ columns: ['a'], rows: [[big]] }, false), big],
      [() => yamlList({ columns: ['a'], rows: [[big]] }), big],
      [() => jsonList({ columns: ['ID', 'Name', 'Size'], rows }, true), 'name-9999'],
      [() => yamlList({ columns: ['ID', 'Name', 'Size'], rows }), 'name-9999'],
    ] as const) {
      expect(format()).toContain(last);
    }
  }, 60_000);
});

// ---- differential against Python ----

const PYTHON = String.raw`
import json, sys, yaml
out = []
for case in json.load(sys.stdin):
    # Rows and records come as [key, value] pairs, so dicts keep the table's key order.
    data = [dict(row) for row in case["data"]] if case.get("shape") == "list" else dict(case["data"] or [])
    if case["kind"] == "json":
        out.append(json.dumps(data, indent=None if case["noindent"] else 2) + "\n")
    else:
        try:
            out.append(json.dumps(yaml.safe_load(case["text"])))
        except Exception as e:
            out.append("ERROR " + type(e).__name__ + ": " + str(e).replace("\n", " "))
json.dump(out, sys.stdout)
`;

/** JSON with object keys sorted, for order-insensitive comparison. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

function python(cases: unknown[]): string[] {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', PYTHON], { input: JSON.stringify(cases), maxBuffer: 256 * 1024 * 1024 }).toString()) as string[];
}

describe('differential: Python json.dumps and PyYAML safe_load', () => {
  it('JSON: byte-identical to json.dumps(indent=2) and json.dumps() for 600 random lists and records', () => {
    const lists = fc.sample(list('binary'), { numRuns: 300, seed: 34 });
    const records = fc.sample(record('binary'), { numRuns: 300, seed: 35 });
    const cases = [
      ...lists.map((t, i) => ({
        kind: 'json',
        shape: 'list',
        noindent: i % 2 === 0,
        data: t.rows.map((row) => t.columns.map((c, j) => [c, row[j] ?? null])),
        ours: jsonList(t, i % 2 === 0),
      })),
      ...records.map((f, i) => ({
        kind: 'json',
        shape: 'record',
        noindent: i % 2 === 1,
        data: f.map(([k, v]) => [k, v ?? null]),
        ours: jsonRecord(f, i % 2 === 1),
      })),
    ];
    const expected = python(cases.map(({ kind, shape, noindent, data }) => ({ kind, shape, noindent, data })));
    const bad = cases.map((c, i) => ({ c, py: expected[i]! })).filter(({ c, py }) => c.ours !== py);
    expect(bad.slice(0, 1).map(({ c, py }) => ({ data: c.data, python: py, ours: c.ours }))).toEqual([]);
  });

  it('YAML: PyYAML safe_load reads our output back to the same data for 600 random lists and records', () => {
    const lists = fc.sample(list('grapheme'), { numRuns: 300, seed: 36 });
    const records = fc.sample(record('grapheme'), { numRuns: 300, seed: 37 });
    const cases = [
      ...lists.map((t) => ({ data: asObjects(t), text: yamlList(t), inOrder: undefined })),
      ...records.map((f) => ({ data: Object.fromEntries(f.map(([k, v]) => [k, v ?? null])), text: yamlRecord(f), inOrder: jsonRecord(f, true).trimEnd() })),
    ];
    const loaded = python(cases.map((c) => ({ kind: 'yaml', text: c.text, data: null })));
    // Lists are written with sorted keys (PyYAML's default), so compare them key order-insensitively;
    // a record keeps field order, so PyYAML's dict, dumped by json.dumps, must equal our compact JSON.
    const bad = cases
      .map((c, i) => ({ c, py: loaded[i]! }))
      .filter(({ c, py }) => py.startsWith('ERROR') || canonical(JSON.parse(py)) !== canonical(c.data) || (c.inOrder !== undefined && py !== c.inOrder));
    expect(bad.slice(0, 1).map(({ c, py }) => ({ data: c.data, yaml: c.text, pyyaml: py }))).toEqual([]);
  });
});

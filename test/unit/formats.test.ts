// Machine formats against vectors produced by Python 3.11's csv/json (what cliff writes with).
import { describe, expect, it } from 'vitest';
import { csvList } from '../../src/output/formats/csv.js';
import { jsonList, jsonRecord } from '../../src/output/formats/json.js';
import { variableName } from '../../src/output/formats/shell.js';
import { yamlList, yamlRecord } from '../../src/output/formats/yaml.js';
import { Printer } from '../../src/output/printer.js';
import { plainText } from '../../src/output/views.js';

describe('csv', () => {
  const row = ['a b', 1, 2.5, true, null, 'x"y', 'c,d', 'é', '', 'l\nm'];
  const table = { columns: row.map((_, i) => `c${i}`), rows: [row] };
  const body = (quote: 'nonnumeric' | 'minimal' | 'all') => csvList(table, plainText, quote).split('\n').slice(1).join('\n');

  it('quotes as Python csv.writer does in each mode', () => {
    expect(body('nonnumeric')).toBe('"a b",1,2.5,True,"","x""y","c,d","é","","l\nm"\n');
    expect(body('minimal')).toBe('a b,1,2.5,True,,"x""y","c,d",é,,"l\nm"\n');
    expect(body('all')).toBe('"a b","1","2.5","True","","x""y","c,d","é","","l\nm"\n');
  });

  it('escapes with a backslash when quoting is off, and always escapes the escape character', () => {
    const none = { columns: ['c'], rows: [['a b'], [1], ['x"y'], ['c,d'], ['l\nm'], ['back\\slash']] };
    expect(csvList(none, plainText, 'none')).toBe('c\na b\n1\nx\\"y\nc\\,d\nl\\\nm\nback\\\\slash\n');
    expect(csvList({ columns: ['a', 'b'], rows: [['back\\slash', 'q"q']] }, plainText, 'minimal')).toBe('a,b\nback\\\\slash,"q""q"\n');
  });
});

describe('json', () => {
  const table = { columns: ['a', 'b', 'c', 'd', 'e', 'f'], rows: [[1, [1, 2], {}, [], 'é', null]] };

  it('matches json.dumps(indent=2) and json.dumps() byte for byte', () => {
    expect(jsonList(table, true)).toBe('[{"a": 1, "b": [1, 2], "c": {}, "d": [], "e": "\\u00e9", "f": null}]\n');
    expect(jsonList(table, false)).toBe(
      '[\n  {\n    "a": 1,\n    "b": [\n      1,\n      2\n    ],\n    "c": {},\n    "d": [],\n    "e": "\\u00e9",\n    "f": null\n  }\n]\n',
    );
    expect(jsonList({ columns: ['a'], rows: [] }, false)).toBe('[]\n');
    expect(
      jsonRecord(
        [
          ['name', '日本'],
          ['n', 'line\nbreak'],
        ],
        true,
      ),
    ).toBe('{"name": "\\u65e5\\u672c", "n": "line\\nbreak"}\n');
  });
});

describe('field order with integer-like keys', () => {
  it('json and yaml records keep field order, as cliff does (a JS object would put 7 and 123 first)', () => {
    const fields = [
      ['name', 'nm'],
      ['123', 'x'],
      ['7', 'z'],
    ] as const;
    expect(jsonRecord(fields, true)).toBe('{"name": "nm", "123": "x", "7": "z"}\n');
    expect(jsonRecord(fields, false)).toBe('{\n  "name": "nm",\n  "123": "x",\n  "7": "z"\n}\n');
    expect(jsonList({ columns: ['b', '2', 'a'], rows: [[1, { k: [1] }, 3]] }, false)).toBe(
      '[\n  {\n    "b": 1,\n    "2": {\n      "k": [\n        1\n      ]\n    },\n    "a": 3\n  }\n]\n',
    );
    expect(yamlRecord(fields)).toBe("name: nm\n'123': x\n'7': z\n");
    // Lists sort keys as PyYAML does: as strings, '123' before '7'.
    expect(yamlList({ columns: ['b', '7', '123'], rows: [[1, 2, 3]] })).toBe("- '123': 3\n  '7': 2\n  b: 1\n");
  });
});

describe('yaml escapes what PyYAML cannot read raw', () => {
  it('writes C1 controls, DEL, NEL, LS/PS, BOM, U+FFFE/U+FFFF and tabs (values and keys) double-quoted with PyYAML escapes', () => {
    expect(yamlRecord([['k', 'a\x85b\u2028c\u2029d']])).toBe('k: "a\\Nb\\Lc\\Pd"\n');
    expect(yamlRecord([['k', '\ufeff\x7f\x80\x9f\ufffe\uffff\x00\x1b\r "\\ é🚀']])).toBe('k: "\\uFEFF\\x7F\\x80\\x9F\\uFFFE\\uFFFF\\0\\e\\r \\"\\\\ é🚀"\n');
    expect(
      yamlRecord([
        ['a\tkey', 'tab\there'],
        ['plain', 'é'],
      ]),
    ).toBe('"a\\tkey": "tab\\there"\nplain: é\n');
    expect(yamlList({ columns: ['x\x85'], rows: [[{ 'n\u2028': ['\x9b'] }]] })).toBe('- "x\\N":\n    "n\\L":\n    - "\\x9B"\n');
  });
});

describe('shell variable names', () => {
  it('lower-cases and turns spaces, colons, dashes and other non-name characters into underscores', () => {
    expect(variableName('Disk Format')).toBe('disk_format');
    expect(variableName('os:hash-value')).toBe('os_hash_value');
    expect(variableName("Property 'os_distro'")).toBe('property_os_distro');
  });
});

describe('printer', () => {
  const print = (format: 'table' | 'value', columns: string[] = []) => {
    let out = '';
    const printer = new Printer({ write: (t) => void (out += t) }, { align: 'left', text: plainText, maxWidth: 10 }, { format, columns });
    printer.record({
      fields: [
        ['name', 'a fairly long value here'],
        ['size', 5],
      ],
    });
    return out;
  };

  it('wraps table cells at the style maxWidth, never machine formats', () => {
    expect(print('table')).toBe(
      '+----------+------------+\n| Property | Value      |\n+----------+------------+\n| name     | a fairly   |\n|          | long value |\n|          | here       |\n| size     | 5          |\n+----------+------------+\n',
    );
    expect(print('value')).toBe('a fairly long value here\n5\n');
  });

  it('prints record fields in -c order', () => {
    expect(print('value', ['size', 'name'])).toBe('5\na fairly long value here\n');
  });
});

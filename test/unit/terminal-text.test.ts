// The terminal-safe renderer: every character a terminal would act on is shown as a visible escape,
// ordinary text is untouched, and grids built from hostile text stay rectangular.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderGrid } from '../../src/output/grid.js';
import { terminalLines, terminalText } from '../../src/output/terminal-text.js';
import { displayWidth } from '../../src/output/width.js';

/** Anything a terminal could act on, or draw at a width we cannot know: none may be left in what we show. */
const ACTIVE =
  /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('terminalText shows every control character escaped', () => {
  it.each([
    ['ESC and a whole CSI sequence', 'a\x1b[2Jb', 'a\\x1b[2Jb'],
    ['OSC 52 (clipboard write), BEL-terminated', '\x1b]52;c;SGVsbG8=\x07', '\\x1b]52;c;SGVsbG8=\\x07'],
    ['OSC 8 (hidden link), ST-terminated', '\x1b]8;;http://evil\x1b\\text\x1b]8;;\x1b\\', '\\x1b]8;;http://evil\\x1b\\text\\x1b]8;;\\x1b\\'],
    ['CR, tab and newline by name', 'a\rb\tc\nd', 'a\\rb\\tc\\nd'],
    ['BS, NUL, other C0', '\x08\x00\x01\x1f', '\\x08\\x00\\x01\\x1f'],
    ['DEL', '\x7f', '\\x7f'],
    ['C1 controls, U+009B a one-character CSI', '\x80\x85\x9b2J\x9f', '\\x80\\x85\\x9b2J\\x9f'],
    ['bidi overrides and embeddings', '\u202a\u202b\u202c\u202d\u202e', '\\u202a\\u202b\\u202c\\u202d\\u202e'],
    ['bidi isolates and marks', '\u2066\u2067\u2068\u2069\u200e\u200f\u061c', '\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c'],
    ['line and paragraph separators', 'a\u2028b\u2029', 'a\\u2028b\\u2029'],
    ['lone surrogates', 'x\ud800y\udfff', 'x\\ud800y\\udfff'],
  ])('%s', (_name, raw, shown) => {
    expect(terminalText(raw)).toBe(shown);
  });

  it('leaves ordinary text alone: ASCII, backslashes, accents, CJK, emoji with ZWJ, combining marks, NBSP, soft hyphen', () => {
    for (const text of [
      'fedora-19 x86_64',
      String.raw`C:\temp\new \x1b`,
      "['a\\nb']",
      'café ñ Ø',
      '日本語 한국',
      '👩‍💻 🇩🇪 ✅',
      'e\u0301',
      'a\u00a0b\u00adc',
      '\u200b\u200d\ufeff',
    ]) {
      expect(terminalText(text)).toBe(text);
      expect(terminalLines(text)).toBe(text);
    }
  });

  it('terminalLines keeps newlines as line breaks and escapes the rest (CRLF shows its CR)', () => {
    expect(terminalLines('one\r\ntwo\x1b[2J\nthree')).toBe('one\\r\ntwo\\x1b[2J\nthree');
  });

  it('property: nothing active is left in the output, and only newlines by terminalLines', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(terminalText(text)).not.toMatch(ACTIVE);
        expect(terminalLines(text).replace(/\n/g, '')).not.toMatch(ACTIVE);
        expect(terminalLines(text).split('\n').length).toBe(text.split('\n').length);
      }),
      { numRuns: 1000, seed: 12 },
    );
  });

  it('property: text without active characters is unchanged', () => {
    const safe = fc.string({ unit: 'binary', maxLength: 60 }).map((text) => text.replace(new RegExp(ACTIVE.source, 'g'), ''));
    fc.assert(
      fc.property(safe, (text) => {
        expect(terminalText(text)).toBe(text);
      }),
      { numRuns: 2000, seed: 13 },
    );
  });

  it('property: the shown width is the printable text plus one column per escape character', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('a', '日', '🚀', '\x1b', '\r', '\x9b', '\u202e', '\x00', '\t')), { maxLength: 20 }), (chars) => {
        const expected = chars.reduce((sum, ch) => sum + (ACTIVE.test(ch) ? terminalText(ch).length : displayWidth(ch)), 0);
        expect(displayWidth(terminalText(chars.join('')))).toBe(expected);
      }),
      { numRuns: 500, seed: 14 },
    );
  });
});

describe('grids of hostile text', () => {
  const hostile = [
    '\x1b[2Jwiped',
    '\x1b]52;c;SGVsbG8=\x07',
    'ok\rFORGED',
    'ab\x08\x08XY',
    'nul\x00',
    '\u202eevil',
    '\x1b]8;;http://evil\x1b\\text\x1b]8;;\x1b\\',
  ];

  it.each(['left', 'center'] as const)('a %s-aligned grid with ESC in keys and values stays rectangular and holds no control character', (align) => {
    const grid = renderGrid(
      ['Property', 'Value'],
      hostile.map((text) => [`key ${text}`, text]),
      { align, maxWidth: 80 },
    );
    const lines = grid.split('\n');
    expect(grid.replace(/\n/g, '')).not.toMatch(ACTIVE);
    for (const line of lines) expect(displayWidth(line)).toBe(lines[0]!.length);
    expect(grid).toContain('\\x1b[2Jwiped');
    expect(grid).toContain('key \\u202eevil');
  });

  it('a value with newlines keeps one grid line per line, as PrettyTable', () => {
    expect(renderGrid(['a'], [['x\ny\x1b']], { align: 'left' })).toBe('+-------+\n| a     |\n+-------+\n| x     |\n| y\\x1b |\n+-------+');
  });
});

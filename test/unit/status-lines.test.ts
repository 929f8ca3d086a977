// image-seed's status lines: drawn only on a terminal, each redrawn in place, cut to the width,
// user text made terminal-safe.
import { describe, expect, it } from 'vitest';
import { statusLines } from '../../src/output/status-lines.js';

function capture() {
  let text = '';
  return { out: { write: (t: string) => void (text += t) }, text: () => text };
}

describe('statusLines', () => {
  it('draws nothing off a terminal', () => {
    const { out, text } = capture();
    const lines = statusLines(out, false, 2);
    lines.set(0, 'a: hashing');
    lines.done();
    expect(text()).toBe('');
  });

  it('draws the block once, then rewrites one line in place and comes back below the block', () => {
    const { out, text } = capture();
    const lines = statusLines(out, true, 3, 80);
    lines.set(1, 'b: hashing');
    expect(text()).toBe('\nb: hashing\n\n');
    lines.set(0, 'a: uploading 5%');
    expect(text().slice('\nb: hashing\n\n'.length)).toBe('\u001b[3A\r\u001b[2Ka: uploading 5%\u001b[3B\r');
    const before = text();
    lines.set(0, 'a: uploading 5%');
    expect(text()).toBe(before); // unchanged text: nothing written
    lines.done();
    lines.set(2, 'c: created');
    expect(text()).toBe(before); // after done(), the block is left alone
  });

  it('cuts lines to the width and shows control characters escaped', () => {
    const { out, text } = capture();
    const lines = statusLines(out, true, 1, 12);
    lines.set(0, '\u001b[2Jabcdefghijklmnop');
    expect(text()).toBe('\\x1b[2Jabcd\n');
  });

  it('draws nothing when the block is taller than the terminal: cursor moves stop at its top, so lines would overwrite each other', () => {
    const { out, text } = capture();
    const lines = statusLines(out, true, 24, 80, 24);
    lines.set(0, 'a: hashing');
    lines.set(23, 'x: created');
    expect(text()).toBe('');
    const fits = capture();
    statusLines(fits.out, true, 23, 80, 24).set(0, 'a: hashing');
    expect(fits.text()).toBe(`a: hashing${'\n'.repeat(23)}`);
  });
});

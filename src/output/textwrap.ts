// Python's textwrap.fill with its default TextWrapper settings, because PrettyTable wraps wide
// cells with it and glanceclient's records must break at exactly the same characters
// (whitespace first, then after the hyphen of a compound word, then anywhere).

const WHITESPACE = '\\t\\n\\v\\f\\r ';
const WORD_PUNCT = `[\\p{L}\\p{N}_!"'&.,?]`;
/** Python's [^\d\W]: a word character that is not a decimal digit. */
const LETTER = '[\\p{L}\\p{Nl}\\p{No}_]';
const WS = `[${WHITESPACE}]`;
const NOT_WS = `[^${WHITESPACE}]`;

/** TextWrapper.wordsep_re: whitespace runs, em-dashes, and words split after compound hyphens. */
const WORD_SEPARATOR = new RegExp(
  `(${WS}+` +
    `|(?<=${WORD_PUNCT})-{2,}(?=[\\p{L}\\p{N}_])` +
    `|${NOT_WS}+?(?:-(?:(?<=${LETTER}{2}-)|(?<=${LETTER}-${LETTER}-))(?=${LETTER}-?${LETTER})` +
    `|(?=${WS}|$)` +
    `|(?<=${WORD_PUNCT})(?=-{2,}[\\p{L}\\p{N}_])))`,
  'u',
);

/** Python's len(): code points, not UTF-16 units. */
function pyLen(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function pySlice(text: string, start: number, end?: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** str.expandtabs(8): each tab pads to the next multiple of 8 within its line. */
function expandTabs(text: string, tabSize = 8): string {
  let out = '';
  let column = 0;
  for (const ch of text) {
    if (ch === '\t') {
      const spaces = tabSize - (column % tabSize);
      out += ' '.repeat(spaces);
      column += spaces;
    } else {
      out += ch;
      column = ch === '\n' || ch === '\r' ? 0 : column + 1;
    }
  }
  return out;
}

function splitChunks(text: string): string[] {
  const munged = expandTabs(text).replace(/[\t\n\v\f\r]/g, ' ');
  return munged.split(WORD_SEPARATOR).filter((chunk) => chunk !== undefined && chunk !== '');
}

const isBlank = (chunk: string): boolean => chunk.trim() === '';

/** TextWrapper._handle_long_word: break a too-long chunk, after its last fitting hyphen if any. */
function breakLongWord(reversed: string[], line: string[], lineLength: number, width: number): void {
  const spaceLeft = width < 1 ? 1 : width - lineLength;
  const chunk = reversed[reversed.length - 1]!;
  let end = spaceLeft;
  if (pyLen(chunk) > spaceLeft) {
    const hyphen = pySlice(chunk, 0, spaceLeft).lastIndexOf('-');
    const hyphenAt = hyphen < 0 ? -1 : pyLen(chunk.slice(0, hyphen));
    if (hyphenAt > 0 && /[^-]/.test(pySlice(chunk, 0, hyphenAt))) end = hyphenAt + 1;
  }
  line.push(pySlice(chunk, 0, end));
  reversed[reversed.length - 1] = pySlice(chunk, end);
}

/** textwrap.wrap(text, width): lines of at most `width` code points (an indent, on every line, counts in the width). */
export function wrap(text: string, width: number, indent = ''): string[] {
  if (width <= 0) throw new RangeError(`invalid width ${width} (must be > 0)`);
  const chunks = splitChunks(text).reverse();
  const room = width - pyLen(indent);
  const lines: string[] = [];
  while (chunks.length > 0) {
    const line: string[] = [];
    let length = 0;
    if (lines.length > 0 && isBlank(chunks[chunks.length - 1]!)) chunks.pop();
    while (chunks.length > 0) {
      const size = pyLen(chunks[chunks.length - 1]!);
      if (length + size > room) break;
      line.push(chunks.pop()!);
      length += size;
    }
    if (chunks.length > 0 && pyLen(chunks[chunks.length - 1]!) > room) {
      breakLongWord(chunks, line, length, room);
      if (chunks[chunks.length - 1] === '') chunks.pop();
    }
    if (line.length > 0 && isBlank(line[line.length - 1]!)) line.pop();
    if (line.length > 0) lines.push(indent + line.join(''));
  }
  return lines;
}

/** textwrap.fill(text, width), with the same indent on every line. */
export function fill(text: string, width: number, indent = ''): string {
  return wrap(text, width, indent).join('\n');
}

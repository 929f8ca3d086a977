// The one place that makes untrusted text (image names, property keys and values, server messages)
// safe to show a person: anything a terminal would act on instead of drawing is shown as a visible
// escape, never dropped, so `ESC[2J` reads `\x1b[2J` and clears nothing, OSC 52 cannot write the
// clipboard, CR and backspace cannot overwrite a row, U+202E cannot reverse what follows.
//
// Escaped: C0 controls (tab `\t`, CR `\r`, newline `\n`, the rest `\xNN`: ESC `\x1b`, NUL `\x00`,
// BS `\x08`), DEL `\x7f`, C1 controls `\x80`-`\x9f` (U+009B is a one-character CSI), the bidi
// controls U+061C, U+200E/U+200F, U+202A-U+202E, U+2066-U+2069, the line and paragraph separators
// U+2028/U+2029 (terminals draw them at differing widths) and lone surrogates, as `\uNNNN`.
// Escaping each control character makes a whole ESC/CSI/OSC sequence inert and readable: its other
// characters are printable. Everything else (non-ASCII, CJK, emoji, combining marks, ZWJ) is unchanged.
//
// A literal backslash is shown as itself: ordinary text (Windows paths, Python reprs that glanceclient
// prints) must stay byte-identical. So `\x1b` on the screen is an ESC or those four characters, never
// an ESC reaching the terminal; the exact data is in `-f json`.

/** DEL, C1, bidi controls, line and paragraph separators. */
const OTHER_CONTROLS = String.raw`\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029`;
const LONE_SURROGATE = String.raw`[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]`;
const UNSAFE = new RegExp(String.raw`[\x00-\x1f${OTHER_CONTROLS}]|${LONE_SURROGATE}`, 'g');
const UNSAFE_BUT_NEWLINE = new RegExp(String.raw`[\x00-\x09\x0b-\x1f${OTHER_CONTROLS}]|${LONE_SURROGATE}`, 'g');

const NAMED: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return NAMED[ch] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** One line for a person: every control, newline included, shown escaped (trace lines, prompts, shell comments). */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Text that may span lines (grid cells, error messages): newlines stay line breaks, all else as terminalText. */
export function terminalLines(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, escapeChar);
}

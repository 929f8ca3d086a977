// A block of status lines on stderr, one per task, each redrawn in place (image-seed shows one line
// per image). Only on a terminal: elsewhere nothing is drawn (logs get the result and the errors).
// Lines are cut to the terminal's width, so none wraps and the cursor arithmetic stays right (and a
// block taller than the terminal is not drawn); the text is made terminal-safe here, as it holds
// user and server text.
import type { Writer } from './printer.js';
import { terminalText } from './terminal-text.js';
import { displayWidth } from './width.js';

export interface StatusLines {
  /** Sets line `index` (0-based) to `text`. */
  set(index: number, text: string): void;
  /** Leaves the cursor below the block; later output starts on a fresh line. */
  done(): void;
}

const NONE: StatusLines = { set: () => undefined, done: () => undefined };
const ESC = '\u001b';

/**
 * `count` lines, drawn when first set; `columns`: the terminal's width (80 when it says none: a pty
 * of size 0); `rows`: its height, when it says. A block taller than the terminal is not drawn: the
 * cursor cannot move above the screen's top, so its lines would be written over each other.
 */
export function statusLines(out: Writer, isTty: boolean, count: number, columns = 80, rows?: number): StatusLines {
  if (!isTty || count === 0 || (rows !== undefined && count > rows - 1)) return NONE;
  const lines: string[] = Array<string>(count).fill('');
  let drawn = false;
  let open = true;
  const fit = (text: string): string => {
    let line = '';
    for (const char of terminalText(text)) {
      if (displayWidth(line + char) > columns - 1) break;
      line += char;
    }
    return line;
  };
  return {
    set(index, text) {
      if (!open) return;
      const line = fit(text);
      if (drawn && lines[index] === line) return;
      lines[index] = line;
      if (!drawn) {
        drawn = true;
        out.write(lines.join('\n') + '\n');
        return;
      }
      // From below the block: up to the line, rewrite it, back down.
      const up = count - index;
      out.write(`${ESC}[${up}A\r${ESC}[2K${line}${ESC}[${up}B\r`);
    },
    done() {
      open = false;
    },
  };
}

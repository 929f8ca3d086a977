// glanceclient's transfer bar, `\r[=========>      ] 42%`, drawn on stderr (stdout stays clean
// for pipes) and only on a terminal, only when the total size is known.
import type { Writer } from './printer.js';

const BAR = 30;

/** Python's '{:.0%}': exact halves round to even. */
function percent(fraction: number): string {
  const scaled = fraction * 100;
  const floor = Math.floor(scaled);
  const rounded = scaled - floor === 0.5 ? (floor % 2 === 0 ? floor : floor + 1) : Math.round(scaled);
  return `${rounded}%`;
}

export interface Progress {
  advance(bytes: number): void;
  /** Ends the bar's line so later output starts on a fresh one. */
  done(): void;
}

const NONE: Progress = { advance: () => undefined, done: () => undefined };

export function progressBar(out: Writer, isTty: boolean, total: number | undefined): Progress {
  if (!isTty || !total) return NONE;
  let seen = 0;
  let drawn = '';
  let open = false;
  return {
    advance(bytes) {
      seen += bytes;
      const fraction = Math.min(seen / total, 1);
      const text = `\r[${('='.repeat(Math.round(fraction * (BAR - 1))) + '>').padEnd(BAR)}] ${percent(fraction)}`;
      if (text === drawn) return;
      drawn = text;
      open = true;
      out.write(text);
    },
    done() {
      if (open) out.write('\n');
      open = false;
    },
  };
}

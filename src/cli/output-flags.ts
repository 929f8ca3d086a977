// -f/-c and the format options every list and record command takes, as python-openstackclient's
// cliff offers them, decoded into the printer's options.
import { QUOTE_MODES } from '../output/formats/types.js';
import { FORMATS, type PrintOptions } from '../output/printer.js';
import { choice, noneInGlanceclient, presence, text, texts, withDefault, type FlagValues } from './flags/flag.js';

// cliff's, not glanceclient's.
export const OUTPUT_FLAGS = noneInGlanceclient({
  format: withDefault(choice('-f, --format <FORMAT>', 'Output format', FORMATS), 'table'),
  columns: texts('-c, --column <COLUMN>', 'Column or field to show (repeatable)'),
  noindent: presence('--noindent', 'json: no indentation'),
  prefix: withDefault(text('--prefix <PREFIX>', 'shell: prefix for variable names'), ''),
  quote: withDefault(choice('--quote <WHEN>', 'csv: quoting', QUOTE_MODES), 'nonnumeric'),
});

export type OutputFlags = FlagValues<typeof OUTPUT_FLAGS>;

/** The printer's options (table when the command prints no records; the format was checked against the command's kind when parsed). */
export function printOptions(output: OutputFlags | undefined): PrintOptions {
  if (!output) return { format: 'table', columns: [] };
  return output;
}

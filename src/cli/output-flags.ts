// -f/-c and the format options every list and record command takes, as python-openstackclient's
// cliff offers them, decoded into the printer's options.
import { QUOTE_MODES } from '../output/formats/types.js';
import { checkFormat, FORMATS, type PrintOptions } from '../output/printer.js';
import { choice, presence, text, texts, withDefault, type FlagValues } from './flags/flag.js';

export const OUTPUT_FLAGS = {
  format: withDefault(choice('-f, --format <FORMAT>', 'Output format', FORMATS, { choices: FORMATS }), 'table'),
  columns: texts('-c, --column <COLUMN>', 'Column or field to show (repeatable)'),
  noindent: presence('--noindent', 'json: no indentation'),
  prefix: withDefault(text('--prefix <PREFIX>', 'shell: prefix for variable names'), ''),
  quote: withDefault(choice('--quote <WHEN>', 'csv: quoting', QUOTE_MODES, { choices: QUOTE_MODES }), 'nonnumeric'),
};

export type OutputFlags = FlagValues<typeof OUTPUT_FLAGS>;

/** The printer's options for a command of this kind (table when the command prints no records). */
export function printOptions(output: OutputFlags | undefined, kind: 'list' | 'record' | 'none' | undefined): PrintOptions {
  if (!output) return { format: 'table', columns: [] };
  checkFormat(kind, output.format);
  return output;
}

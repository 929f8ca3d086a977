// cliff's shell format: `name="value"` lines a shell can eval. Names: lower case, spaces, colons
// and dashes as underscores (cliff), and anything else a shell name cannot hold as well.
// Values: cliff escapes only `"`; we also escape `\`, `$` and backquote so eval never expands them.
import type { Cell } from '../views.js';
import type { CellText } from './types.js';

export function shellRecord(fields: ReadonlyArray<readonly [string, Cell]>, text: CellText, prefix: string): string {
  return fields.map(([name, value]) => `${prefix}${variableName(name)}="${text(value).replace(/[\\"$`]/g, '\\$&')}"\n`).join('');
}

export function variableName(column: string): string {
  return column.toLowerCase().replace(/['"]/g, '').replace(/[^a-z0-9_]/g, '_');
}

// How each dialect lays out its tables: the program's printer and a replayed answer's (replay.ts) alike.
import { plainText, type TableStyle } from '../output/views.js';
import type { Dialect } from './deps.js';

export function dialectStyle(dialect: Dialect): TableStyle {
  // keystoneclient built its tables with print_empty=False: no rows, one empty line.
  return dialect === 'keystone' ? { align: 'center', text: plainText, printEmpty: false } : { align: 'left', text: plainText };
}

// How glanceclient prints metadata definitions: records with print_dict (an object's properties
// as the list of their names), lists with print_list, and --max-column-width as it reads it.
import type { MetadefObject } from '../../../api/image/metadefs/objects.js';
import { text, withDefault } from '../../flags/flag.js';
import type { Deps } from '../../deps.js';
import { checkMaxWidth } from './metadef-items.js';
import { pyInt } from './metadefs.js';
import { printDict } from './v2-commands.js';

/** `--max-column-width <integer>`: taken as text and read with int() only once the record is fetched, as glanceclient does. */
export const maxColumnWidthFlag = withDefault(text('--max-column-width <integer>', 'The max column width of the printed table.', { default: '80' }), '80');

/** print_dict(record, int(width)): PrettyTable takes 0 (columns as wide as their headers) but refuses a negative width. */
export function printMetadef(deps: Pick<Deps, 'print'>, record: Record<string, unknown>, width = '80'): void {
  printDict(deps, record, checkMaxWidth(pyInt(width)));
}

/** _object_show: the object's properties as their names; a width of 0 means the default 80. */
export function printMetadefObject(deps: Pick<Deps, 'print'>, object: MetadefObject, width = '80'): void {
  const record: Record<string, unknown> = { ...object };
  if (object.properties) record.properties = Object.keys(object.properties);
  const columns = pyInt(width);
  printDict(deps, record, columns === 0 ? 80 : checkMaxWidth(columns));
}

/** The description column of md-object-list wraps at 50 (glanceclient's field_settings). */
export const DESCRIPTION_WIDTH = { description: 50 } as const;

// Pieces the v2-only glance commands share: how glanceclient's print_dict / print_list render
// non-image records, --metadata, and its location errors.
import { LocationError } from '../../../api/image/locations.js';
import type { Task } from '../../../api/image/tasks.js';
import { CliError } from '../../../errors.js';
import type { Cell, ListView, RecordView, TableStyle } from '../../../output/views.js';
import type { Deps } from '../../deps.js';
import { pyRepr } from '../../../output/pprint.js';
import { pyText } from './image-views.js';

/** glanceclient's print_dict: every key, sorted, lists and dicts as JSON, wrapped at 80 columns (or max_column_width). */
export function printDict(deps: Pick<Deps, 'print'>, record: Record<string, unknown>, maxWidth = 80): void {
  const fields = Object.entries(record)
    .filter(([key]) => key !== 'self')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => [key, value as Cell] as const);
  const view: RecordView = { fields };
  deps.print.record(view, { text: pyText, maxWidth });
}

/** task-show and task-create: the task's fields but its links (self, schema). */
export function printTask(deps: Pick<Deps, 'print'>, task: Task): void {
  const { schema: _schema, ...fields } = task;
  printDict(deps, fields);
}

/** What PrettyTable prints for a raw JSON value: str() of the Python value (None, dict and list reprs). */
export function pyCell(value: Cell): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : pyRepr(value);
}

/** glanceclient's print_list: missing or empty values blank, lists as Python prints them. */
export function printPyList(deps: Pick<Deps, 'print'>, view: ListView, columnMaxWidths?: Readonly<Record<string, number>>): void {
  const style: Partial<TableStyle> = { text: (value) => (Array.isArray(value) ? pyRepr(value) : value ? String(value) : ''), columnMaxWidths };
  deps.print.list(view, style);
}

/** --metadata: a JSON object, as glanceclient insists. */
export function parseMetadata(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliError('Metadata is not a valid JSON object.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new CliError('Metadata is not a valid JSON object.');
  return value as Record<string, unknown>;
}

/** glanceclient raised its own HTTPNotFound/HTTPBadRequest for these, which print as "HTTP <message>". */
export async function withLocationErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof LocationError) throw new CliError(`HTTP ${err.message}`);
    throw err;
  }
}

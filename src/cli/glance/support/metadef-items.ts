// What the md-object/md-property/md-tag commands share: --schema read as glanceclient reads it (json.loads, then dict.update), warlock's validation
// messages, and --max-column-width as int() reads it.
import { CliError } from '../../../errors.js';
import { pyRepr, pyReprString } from '../../../output/pprint.js';
import { schemaErrorText, firstSchemaError } from './json-schema.js';

/** Python's type() name of a JSON value, as its error messages show it. */
function pyTypeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'string') return 'str';
  return Array.isArray(value) ? 'list' : 'dict';
}

/** The (key, value) pair one element of a sequence gives dict.update, or Python's complaint. */
function updatePair(element: unknown, index: number): [string, unknown] {
  let pair: unknown[];
  if (typeof element === 'string') pair = [...element];
  else if (Array.isArray(element)) pair = element;
  else if (element !== null && typeof element === 'object') pair = Object.keys(element);
  else throw new CliError(`cannot convert dictionary update sequence element #${index} to a sequence`);
  if (pair.length !== 2) throw new CliError(`dictionary update sequence element #${index} has length ${pair.length}; 2 is required`);
  const [key, value] = pair;
  if (key !== null && typeof key === 'object') throw new CliError(`unhashable type: '${pyTypeName(key)}'`);
  return [String(key), value];
}

/**
 * `fields.update(json.loads(text))`: glanceclient takes any JSON, so a list of pairs (or a string
 * of two-character strings) updates too, and anything else fails with Python's own message.
 */
export function updateWithSchema(fields: Record<string, unknown>, text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliError('Schema is not a valid JSON object.');
  }
  const updated = { ...fields };
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return Object.assign(updated, value);
  if (typeof value === 'string') value = [...value];
  if (!Array.isArray(value)) throw new CliError(`'${pyTypeName(value)}' object is not iterable`);
  for (const [i, element] of value.entries()) {
    const [key, entry] = updatePair(element, i);
    updated[key] = entry;
  }
  return updated;
}

/** warlock's model(fields): the schema's first complaint about the whole record, as str(ValidationError). */
export function checkRecord(schema: unknown, record: Record<string, unknown>): void {
  const error = firstSchemaError(schema, record);
  if (error) throw new CliError(schemaErrorText(error));
}

/**
 * warlock's setattr for each field in turn on a record read from the server: the first change the
 * schema refuses is "Unable to set 'key' to value. Reason: …". Returns the record with every change.
 */
export function applyChanges(schema: unknown, record: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  let current = { ...record };
  for (const [key, value] of Object.entries(changes)) {
    const mutation = { ...current, [key]: value };
    const error = firstSchemaError(schema, mutation);
    if (error) throw new CliError(`Unable to set ${pyReprString(key)} to ${pyRepr(value)}. Reason: ${schemaErrorText(error)}`);
    current = mutation;
  }
  return current;
}

/** PrettyTable refuses a negative max_width with this message. */
export function checkMaxWidth(width: number): number {
  if (width < 0) throw new CliError(`Invalid value for max_width: ${width}`);
  return width;
}

/** A record as glanceclient keeps it: the server's `self` link popped. */
export function withoutSelf<T extends Record<string, unknown>>(record: T): T {
  const { self: _self, ...rest } = record;
  return rest as T;
}

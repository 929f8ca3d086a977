// What the md-* commands share: glanceclient's namespace view (_namespace_show), its schema-driven
// body building and checks, and the Python-isms its errors show (int(), open(), TypeError texts).
import type { MetadefSchema } from '../../../api/image/metadefs/index.js';
import type { Namespace } from '../../../api/image/metadefs/namespaces.js';
import { CliError } from '../../../errors.js';
import { pyRepr, pyReprString } from '../../../output/pprint.js';
import type { Deps } from '../../deps.js';
import { firstSchemaError, schemaErrorText } from './json-schema.js';
import { printDict } from './v2-commands.js';

/** _namespace_show: properties as their names, associations, objects and tags as theirs. */
export function namespaceView(namespace: Namespace): Record<string, unknown> {
  const view: Record<string, unknown> = { ...namespace };
  if (namespace.properties !== undefined) view.properties = Object.keys(namespace.properties);
  if (namespace.resource_type_associations !== undefined) view.resource_type_associations = namespace.resource_type_associations.map((a) => a.name);
  if (namespace.objects !== undefined) view.objects = namespace.objects.map((o) => o.name);
  if (namespace.tags !== undefined) view.tags = namespace.tags.map((t) => t.name);
  return view;
}

export function printNamespace(deps: Pick<Deps, 'print'>, namespace: Namespace, maxWidth = 80): void {
  printDict(deps, namespaceView(namespace), maxWidth);
}

/**
 * The body glanceclient sends: the given flags (snake_case keys) the server's schema knows
 * (schema.is_core_property), in the order given.
 */
export function schemaFields(schema: MetadefSchema, given: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of given) if (value !== undefined && key in schema.properties) fields[key] = value;
  return fields;
}

/** warlock's model(body): the first schema error, as jsonschema words it. */
export function checkBody(schema: MetadefSchema, body: unknown): void {
  const error = firstSchemaError(schema, body);
  if (error) throw new CliError(schemaErrorText(error));
}

/** warlock's setattr on a model: the whole record is checked with the new value in it. */
export function checkSet(schema: MetadefSchema, record: Record<string, unknown>, key: string, value: unknown): void {
  const error = firstSchemaError(schema, { ...record, [key]: value });
  if (error) throw new CliError(`Unable to set '${key}' to ${pyRepr(value)}. Reason: ${schemaErrorText(error)}`);
}

/** Python's TypeError for `Controller.method(**fields)` when the fields hold a key named self. */
export function checkNoSelf(fields: Record<string, unknown>, method: string): void {
  if ('self' in fields) throw new CliError(`${method}() got multiple values for argument 'self'`);
}

/** Python's type() name of a JSON value, for "argument after ** must be a mapping, not list". */
export function pyTypeName(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'dict';
}

/** Python's int(text): blanks around, one sign, digits with single underscores between them. */
export function pyInt(text: string): number {
  const trimmed = text.trim();
  if (!/^[+-]?\d+(_\d+)*$/.test(trimmed)) throw new CliError(`invalid literal for int() with base 10: ${pyReprString(text)}`);
  // Past 2^53 a width is as good as unlimited: clamped rather than rounded.
  const value = Number(trimmed.replace(/_/g, ''));
  return Math.max(Math.min(value, Number.MAX_SAFE_INTEGER), Number.MIN_SAFE_INTEGER);
}

/** The --max-column-width glanceclient ends up with: 0 means its default (80); below 0 PrettyTable refuses. */
export function maxColumnWidth(text: string): number {
  const value = pyInt(text);
  if (value < 0) throw new CliError(`Invalid value for max_width: ${value}`);
  return value === 0 ? 80 : value;
}

// The first error jsonschema 4.10 (Draft 2020-12, what warlock picks for a schema without
// $schema) finds in an instance, and its str(): glanceclient validates metadata definitions with
// warlock before sending them and prints that text. Keywords are checked in the schema's own
// order, as jsonschema does; the metadefs schemas use type, enum, properties,
// additionalProperties, required, items, $ref, allOf, minimum, maxLength, minItems, uniqueItems.
import { pformat, pyRepr } from '../../../output/pprint.js';

type Json = unknown;
type Path = Array<string | number>;

export interface SchemaError {
  keyword: string;
  message: string;
  /** The (sub)schema holding the keyword that failed. */
  schema: Json;
  /** Keywords and names from the root schema down to the failing keyword ($ref not included, as jsonschema). */
  schemaPath: Path;
  instance: Json;
  instancePath: Path;
}

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isType(value: Json, type: Json): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return false;
  }
}

/** Python's == on JSON values, with booleans kept apart from 0 and 1 as jsonschema's unbool does. */
function equal(a: Json, b: Json): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && equal(a[k], b[k]));
  }
  return a === b;
}

/** '#/definitions/x' within the root schema. */
function resolve(root: Json, ref: string): Json {
  if (!ref.startsWith('#')) return undefined;
  let at: Json = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    at = Array.isArray(at) ? at[Number(key)] : isObject(at) ? at[key] : undefined;
  }
  return at;
}

function compiled(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined; // a Python-only construct: the server still checks it
  }
}

const length = (text: string): number => [...text].length;

/** The errors the keywords of `schema` find in `instance`, in jsonschema's order (first one is what validate raises). */
function* errors(root: Json, schema: Json, instance: Json): Generator<SchemaError> {
  if (!isObject(schema)) return;
  for (const [keyword, value] of Object.entries(schema)) {
    const fail = (message: string): SchemaError => ({ keyword, message, schema, schemaPath: [keyword], instance, instancePath: [] });
    const descend = function* (subschema: Json, child: Json, path?: string | number, schemaPath?: string | number): Generator<SchemaError> {
      for (const error of errors(root, subschema, child)) {
        if (path !== undefined) error.instancePath.unshift(path);
        if (schemaPath !== undefined) error.schemaPath.unshift(schemaPath);
        if (keyword !== '$ref') error.schemaPath.unshift(keyword);
        yield error;
      }
    };
    switch (keyword) {
      case '$ref':
        if (typeof value === 'string') yield* descend(resolve(root, value), instance);
        break;
      case 'allOf':
        if (Array.isArray(value)) for (const [i, subschema] of value.entries()) yield* descend(subschema, instance, undefined, i);
        break;
      case 'properties':
        if (isObject(instance) && isObject(value)) {
          for (const [name, subschema] of Object.entries(value)) if (name in instance) yield* descend(subschema, instance[name], name, name);
        }
        break;
      case 'additionalProperties': {
        if (!isObject(instance)) break;
        const known = isObject(schema.properties) ? schema.properties : {};
        const extras = Object.keys(instance).filter((key) => !(key in known));
        if (isObject(value)) for (const extra of extras) yield* descend(value, instance[extra], extra);
        else if (value === false && extras.length > 0) {
          const names = [...extras].sort().map((e) => pyRepr(e));
          yield fail(`Additional properties are not allowed (${names.join(', ')} ${extras.length === 1 ? 'was' : 'were'} unexpected)`);
        }
        break;
      }
      case 'items':
        if (Array.isArray(instance) && isObject(value)) for (const [i, item] of instance.entries()) yield* descend(value, item, i);
        break;
      case 'required':
        if (isObject(instance) && Array.isArray(value))
          for (const name of value) if (!(String(name) in instance)) yield fail(`${pyRepr(name)} is a required property`);
        break;
      case 'type': {
        const types = Array.isArray(value) ? value : [value];
        if (!types.some((t) => isType(instance, t))) yield fail(`${pyRepr(instance)} is not of type ${types.map((t) => pyRepr(t)).join(', ')}`);
        break;
      }
      case 'enum':
        if (Array.isArray(value) && !value.some((option) => equal(option, instance))) yield fail(`${pyRepr(instance)} is not one of ${pyRepr(value)}`);
        break;
      case 'const':
        if (!equal(value, instance)) yield fail(`${pyRepr(value)} was expected`);
        break;
      case 'minimum':
        if (typeof instance === 'number' && typeof value === 'number' && instance < value)
          yield fail(`${pyRepr(instance)} is less than the minimum of ${pyRepr(value)}`);
        break;
      case 'maximum':
        if (typeof instance === 'number' && typeof value === 'number' && instance > value)
          yield fail(`${pyRepr(instance)} is greater than the maximum of ${pyRepr(value)}`);
        break;
      case 'minLength':
        if (typeof instance === 'string' && typeof value === 'number' && length(instance) < value) yield fail(`${pyRepr(instance)} is too short`);
        break;
      case 'maxLength':
        if (typeof instance === 'string' && typeof value === 'number' && length(instance) > value) yield fail(`${pyRepr(instance)} is too long`);
        break;
      case 'minItems':
        if (Array.isArray(instance) && typeof value === 'number' && instance.length < value) yield fail(`${pyRepr(instance)} is too short`);
        break;
      case 'maxItems':
        if (Array.isArray(instance) && typeof value === 'number' && instance.length > value) yield fail(`${pyRepr(instance)} is too long`);
        break;
      case 'uniqueItems':
        if (value && Array.isArray(instance) && instance.some((item, i) => instance.slice(i + 1).some((other) => equal(item, other))))
          yield fail(`${pyRepr(instance)} has non-unique elements`);
        break;
      case 'pattern':
        if (typeof instance === 'string' && typeof value === 'string' && compiled(value)?.test(instance) === false)
          yield fail(`${pyRepr(instance)} does not match ${pyRepr(value)}`);
        break;
    }
  }
}

/** The error jsonschema's validate() would raise for `instance`, if any. */
export function firstSchemaError(schema: Json, instance: Json): SchemaError | undefined {
  for (const error of errors(schema, schema, instance)) return error;
  return undefined;
}

const index = (container: string, path: Path): string => container + path.map((p) => `[${pyRepr(p)}]`).join('');
const indented = (text: string): string => text.replace(/\n/g, '\n    ');

/** str(ValidationError): the message, the failing keyword's schema and the instance, pretty-printed. */
export function describeSchemaError(error: SchemaError): string {
  return [
    error.message,
    '',
    `Failed validating ${pyRepr(error.keyword)} in ${index('schema', error.schemaPath.slice(0, -1))}:`,
    `    ${indented(pformat(error.schema, 72))}`,
    '',
    `On ${index('instance', error.instancePath)}:`,
    `    ${indented(pformat(error.instance, 72))}`,
  ].join('\n');
}

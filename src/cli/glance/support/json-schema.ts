// The JSON Schema check glanceclient 4.1.0 makes before sending a metadef body: warlock validates it
// with jsonschema 4.10 (draft 2020-12, no format checker) and reports the FIRST error met, keywords
// in the schema's own order. This reproduces that walk and jsonschema's wording for the keywords
// Glance's metadefs schemas use ($ref, allOf, type, enum, properties, additionalProperties, required,
// items, uniqueItems, lengths, bounds, pattern); others are not checked (the server still is).
import { pformat, pyRepr } from '../../../output/pprint.js';

type Path = Array<string | number>;

/** One failure, as jsonschema's ValidationError holds it. */
export interface SchemaError {
  message: string;
  /** The keyword that failed ('enum', 'required', …). */
  keyword: string;
  /** The (sub)schema holding that keyword. */
  schema: unknown;
  schemaPath: Path;
  instance: unknown;
  instancePath: Path;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a value is of a jsonschema type (an unknown type name matches anything). */
export function isType(value: unknown, type: unknown): boolean {
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
      return true; // a type jsonschema does not know: nothing to say here
  }
}

/** jsonschema's equal(): deep, and True is not 1. */
function equal(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equal(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && equal(a[key], b[key]));
  }
  return a === b;
}

/** Python's len() of a str: code points. */
const pyLength = (text: string): number => [...text].length;

/** A local reference ('#/definitions/property'), resolved in the root schema. */
function resolve(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
  }
  return node;
}

function compiled(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined; // a Python-only construct: the server decides
  }
}

/** Errors of `instance` against `schema`, in jsonschema's order (a generator: the caller wants the first). */
function* errorsOf(root: unknown, schema: unknown, instance: unknown, instancePath: Path, depth: number): Generator<SchemaError> {
  if (schema === false) {
    yield { message: `False schema does not allow ${pyRepr(instance)}`, keyword: 'false', schema, schemaPath: [], instance, instancePath };
    return;
  }
  // A $ref loop would never end; jsonschema would recurse until Python gives up, we stop looking.
  if (!isObject(schema) || depth > 64) return;
  const fail = (keyword: string, message: string): SchemaError => ({ message, keyword, schema, schemaPath: [keyword], instance, instancePath });
  /** A sub-schema's errors, their paths extended as jsonschema's descend() and iter_errors() do. */
  function* descend(keyword: string, sub: unknown, value: unknown, at: Path, schemaAt: Path): Generator<SchemaError> {
    for (const e of errorsOf(root, sub, value, [...instancePath, ...at], depth + 1))
      yield { ...e, schemaPath: keyword === '$ref' ? [...schemaAt, ...e.schemaPath] : [keyword, ...schemaAt, ...e.schemaPath] };
  }
  const repr = pyRepr(instance);
  for (const [keyword, value] of Object.entries(schema)) {
    switch (keyword) {
      case '$ref':
        if (typeof value === 'string') yield* descend(keyword, resolve(root, value), instance, [], []);
        break;
      case 'allOf':
        if (Array.isArray(value)) for (const [i, sub] of value.entries()) yield* descend(keyword, sub, instance, [], [i]);
        break;
      case 'type': {
        const types = Array.isArray(value) ? value : [value];
        if (!types.some((t) => isType(instance, t))) yield fail(keyword, `${repr} is not of type ${types.map((t) => pyRepr(t)).join(', ')}`);
        break;
      }
      case 'enum':
        if (Array.isArray(value) && !value.some((option) => equal(option, instance))) yield fail(keyword, `${repr} is not one of ${pyRepr(value)}`);
        break;
      case 'properties':
        if (isObject(instance) && isObject(value))
          for (const [name, sub] of Object.entries(value)) if (name in instance) yield* descend(keyword, sub, instance[name], [name], [name]);
        break;
      case 'additionalProperties': {
        if (!isObject(instance)) break;
        const declared = isObject(schema.properties) ? schema.properties : {};
        const extras = Object.keys(instance).filter((key) => !(key in declared));
        if (isObject(value)) for (const extra of extras) yield* descend(keyword, value, instance[extra], [extra], []);
        // jsonschema joins a set (its order varies per run): sorted is one order it prints, and stays put.
        else if (value === false && extras.length > 0)
          yield fail(
            keyword,
            `Additional properties are not allowed (${[...extras]
              .sort()
              .map((e) => pyRepr(e))
              .join(', ')} ${extras.length === 1 ? 'was' : 'were'} unexpected)`,
          );
        break;
      }
      case 'required':
        if (isObject(instance) && Array.isArray(value))
          for (const name of value) if (typeof name === 'string' && !(name in instance)) yield fail(keyword, `${pyRepr(name)} is a required property`);
        break;
      case 'items':
        if (Array.isArray(instance) && (isObject(value) || typeof value === 'boolean'))
          for (const [i, item] of instance.entries()) yield* descend(keyword, value, item, [i], []);
        break;
      case 'uniqueItems':
        if (value === true && Array.isArray(instance) && instance.some((item, i) => instance.slice(i + 1).some((other) => equal(item, other))))
          yield fail(keyword, `${repr} has non-unique elements`);
        break;
      case 'maxLength':
        if (typeof instance === 'string' && typeof value === 'number' && pyLength(instance) > value) yield fail(keyword, `${repr} is too long`);
        break;
      case 'minLength':
        if (typeof instance === 'string' && typeof value === 'number' && pyLength(instance) < value) yield fail(keyword, `${repr} is too short`);
        break;
      case 'maxItems':
        if (Array.isArray(instance) && typeof value === 'number' && instance.length > value) yield fail(keyword, `${repr} is too long`);
        break;
      case 'minItems':
        if (Array.isArray(instance) && typeof value === 'number' && instance.length < value) yield fail(keyword, `${repr} is too short`);
        break;
      case 'minimum':
        if (typeof instance === 'number' && typeof value === 'number' && instance < value)
          yield fail(keyword, `${repr} is less than the minimum of ${pyRepr(value)}`);
        break;
      case 'maximum':
        if (typeof instance === 'number' && typeof value === 'number' && instance > value)
          yield fail(keyword, `${repr} is greater than the maximum of ${pyRepr(value)}`);
        break;
      case 'pattern': {
        const pattern = typeof instance === 'string' && typeof value === 'string' ? compiled(value) : undefined;
        if (pattern && typeof instance === 'string' && !pattern.test(instance)) yield fail(keyword, `${repr} does not match ${pyRepr(value)}`);
        break;
      }
    }
  }
}

/** The first error jsonschema would raise for `instance` against the root `schema`, or undefined. */
export function firstSchemaError(schema: unknown, instance: unknown): SchemaError | undefined {
  for (const error of errorsOf(schema, schema, instance, [], 0)) return error;
  return undefined;
}

const indexed = (container: string, path: Path): string => container + path.map((p) => `[${pyRepr(p)}]`).join('');
const indented = (text: string): string =>
  text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');

/** str(ValidationError): the message, then the failing schema and instance, pretty-printed as Python does. */
export function schemaErrorText(error: SchemaError): string {
  return [
    error.message,
    '',
    `Failed validating ${pyRepr(error.keyword)} in ${indexed('schema', error.schemaPath.slice(0, -1))}:`,
    indented(pformat(error.schema, 72)),
    '',
    `On ${indexed('instance', error.instancePath)}:`,
    indented(pformat(error.instance, 72)),
  ].join('\n');
}

// Checks fields against one of the server's schemas (image, task) before anything is created, failing
// with the text python-glanceclient 4.1.0 prints (warlock's "Unable to set …" around
// jsonschema's message, the offending schema and the instance, both pretty-printed).
import type { ModelSchema, PropertySchema } from '../../../api/image/schemas.js';
import { CliError } from '../../../errors.js';
import { pformat, pyRepr } from '../../../output/pprint.js';
import { isType } from './json-schema.js';

interface Violation {
  keyword: string;
  message: string;
  schema: PropertySchema;
  schemaPath: Array<string | number>;
  instance: unknown;
  instancePath: Array<string | number>;
}

/** The first keyword of `schema` (in the server's order) that `value` violates, as jsonschema words it. */
function violation(schema: PropertySchema, value: unknown, schemaPath: Array<string | number>, instancePath: Array<string | number>): Violation | undefined {
  const at = (keyword: string, message: string): Violation => ({ keyword, message, schema, schemaPath, instance: value, instancePath });
  const repr = pyRepr(value);
  for (const keyword of Object.keys(schema)) {
    if (keyword === 'type') {
      const types = Array.isArray(schema.type) ? schema.type : [schema.type!];
      if (!types.some((t) => isType(value, t))) return at('type', `${repr} is not of type ${types.map((t) => pyRepr(t)).join(', ')}`);
    } else if (keyword === 'enum') {
      if (!schema.enum!.some((option) => option === value)) return at('enum', `${repr} is not one of ${pyRepr(schema.enum)}`);
    } else if (keyword === 'maxLength' && typeof value === 'string') {
      if ([...value].length > schema.maxLength!) return at('maxLength', `${repr} is too long`);
    } else if (keyword === 'pattern' && typeof value === 'string') {
      const pattern = compiledPattern(schema.pattern!);
      if (pattern && !pattern.test(value)) return at('pattern', `${repr} does not match ${pyRepr(schema.pattern)}`);
    } else if (keyword === 'minimum' && typeof value === 'number') {
      if (value < schema.minimum!) return at('minimum', `${repr} is less than the minimum of ${schema.minimum}`);
    } else if (keyword === 'maximum' && typeof value === 'number') {
      if (value > schema.maximum!) return at('maximum', `${repr} is greater than the maximum of ${schema.maximum}`);
    } else if (keyword === 'items' && Array.isArray(value) && schema.items) {
      for (let i = 0; i < value.length; i++) {
        const inner = violation(schema.items, value[i], [...schemaPath, 'items'], [...instancePath, i]);
        if (inner) return inner;
      }
    }
  }
  return undefined;
}

const index = (container: string, path: Array<string | number>): string => container + path.map((p) => `[${pyRepr(p)}]`).join('');
const indented = (text: string): string =>
  text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');

function describe(key: string, value: unknown, v: Violation): string {
  return [
    `Unable to set '${key}' to ${pyRepr(value)}. Reason: ${v.message}`,
    '',
    `Failed validating ${pyRepr(v.keyword)} in ${index('schema', v.schemaPath)}:`,
    indented(pformat(v.schema, 72)),
    '',
    `On ${index('instance', v.instancePath)}:`,
    indented(pformat(v.instance, 72)),
  ].join('\n');
}

/** Throws the glanceclient message for the first field the schema rejects; read-only fields are the server's business. */
/**
 * The schema's pattern as a JavaScript regular expression, or undefined for one JavaScript cannot
 * read (a Python-only construct): Glance still checks it, so the server's answer decides then.
 */
function compiledPattern(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}

export function checkSchemaFields(schema: ModelSchema, fields: Record<string, unknown>): void {
  const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  for (const [key, value] of Object.entries(fields)) {
    const known = schema.properties[key];
    const property = known ?? extra;
    if (!property) continue;
    const v = violation(property, value, known ? ['properties', key] : ['additionalProperties'], [key]);
    if (v) throw new CliError(describe(key, value, v));
  }
}

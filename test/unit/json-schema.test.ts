// The first error and its text, compared with the jsonschema glanceclient uses (/usr/bin/python3's
// jsonschema 4.10, through validator_for as warlock calls it), and the Python semantics of --schema
// (json.loads + dict.update) and --max-column-width (int()).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { schemaErrorText, firstSchemaError } from '../../src/cli/glance/support/json-schema.js';
import { updateWithSchema } from '../../src/cli/glance/support/metadef-items.js';
import { pyInt } from '../../src/cli/glance/support/metadefs.js';

const SCHEMA = {
  name: 'property',
  properties: {
    name: { type: 'string', maxLength: 80 },
    title: { type: 'string' },
    type: { type: 'string', enum: ['array', 'string', null] },
    required: { $ref: '#/definitions/stringArray' },
    minLength: { $ref: '#/definitions/positiveIntegerDefault0' },
    items: { type: 'object', properties: { type: { type: 'string' } } },
    nested: { type: 'object', additionalProperties: { type: 'object', required: ['title'] } },
    pattern: { type: 'string', pattern: '^[a-z]+$' },
  },
  additionalProperties: false,
  definitions: {
    positiveInteger: { type: 'integer', minimum: 0 },
    positiveIntegerDefault0: { allOf: [{ $ref: '#/definitions/positiveInteger' }, { default: 0 }] },
    stringArray: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
  },
  required: ['type', 'title', 'name'],
};

const INSTANCES: unknown[] = [
  { name: 'p', title: 'T', type: 'string' },
  { name: 'p', title: 'T' },
  { name: 'p', title: 'T', type: 'bogus' },
  { name: 'x'.repeat(81), title: 'T', type: 'string' },
  { name: 'p', title: 'T', type: 'string', zeta: 1, alpha: 2 },
  { name: 'p', title: 'T', type: 'string', required: [] },
  { name: 'p', title: 'T', type: 'string', required: ['a', 'a'] },
  { name: 'p', title: 'T', type: 'string', required: ['a', 3] },
  { name: 'p', title: 'T', type: 'string', minLength: -1 },
  { name: 'p', title: 'T', type: 'string', minLength: 1.5 },
  { name: 'p', title: 'T', type: 'string', minLength: true },
  { name: 'p', title: 'T', type: 'string', items: { type: 5 } },
  { name: 'p', title: 'T', type: 'string', nested: { a: { title: 't' }, b: {} } },
  { name: 'p', title: 'T', type: 'string', pattern: 'ABC' },
  { name: 'p', title: 7, type: 'string', description: 'a \'quoted\' "text" that is long enough for pformat to split it over lines' },
  'not an object',
];

function pythonMessages(): Array<string | null> {
  const script = `
import json, sys
from jsonschema.validators import validator_for
schema, instances = json.load(sys.stdin)
out = []
for instance in instances:
    try:
        validator_for(schema)(schema).validate(instance)
        out.append(None)
    except Exception as e:
        out.append(str(e))
print(json.dumps(out))
`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: JSON.stringify([SCHEMA, INSTANCES]) }).toString());
}

describe('json-schema: the first error, as jsonschema 4.10 words it', () => {
  it('matches str(ValidationError) for every instance', () => {
    const expected = pythonMessages();
    const actual = INSTANCES.map((instance) => {
      const error = firstSchemaError(SCHEMA, instance);
      return error ? schemaErrorText(error) : null;
    });
    expect(actual).toEqual(expected);
    // The first instance, and the string (keywords for objects pass anything else).
    expect(expected.filter((m) => m === null)).toHaveLength(2);
  });
});

describe('--schema as glanceclient reads it', () => {
  it('a JSON object updates the fields; pairs update too; other JSON fails with Python words', () => {
    expect(updateWithSchema({ name: 'n' }, '{"type":"string","name":"m"}')).toEqual({ name: 'm', type: 'string' });
    expect(updateWithSchema({ name: 'n' }, '[["type","string"]]')).toEqual({ name: 'n', type: 'string' });
    expect(updateWithSchema({ name: 'n' }, '""')).toEqual({ name: 'n' });
    expect(() => updateWithSchema({}, '"ab"')).toThrow('dictionary update sequence element #0 has length 1; 2 is required');
    expect(updateWithSchema({ name: 'n' }, '["ab"]')).toEqual({ name: 'n', a: 'b' });
    expect(() => updateWithSchema({}, 'x')).toThrow('Schema is not a valid JSON object.');
    expect(() => updateWithSchema({}, '1')).toThrow("'int' object is not iterable");
    expect(() => updateWithSchema({}, 'null')).toThrow("'NoneType' object is not iterable");
    expect(() => updateWithSchema({}, '[1]')).toThrow('cannot convert dictionary update sequence element #0 to a sequence');
    expect(() => updateWithSchema({}, '[[1,2,3]]')).toThrow('dictionary update sequence element #0 has length 3; 2 is required');
    expect(() => updateWithSchema({}, '[[[1],2]]')).toThrow("unhashable type: 'list'");
  });

  it('--max-column-width is read with int(): blanks, a sign and underscores between digits', () => {
    expect(pyInt(' +7 ')).toBe(7);
    expect(pyInt('1_0')).toBe(10);
    expect(pyInt('-3')).toBe(-3);
    expect(() => pyInt('1__0')).toThrow("invalid literal for int() with base 10: '1__0'");
    expect(() => pyInt('x')).toThrow("invalid literal for int() with base 10: 'x'");
  });
});

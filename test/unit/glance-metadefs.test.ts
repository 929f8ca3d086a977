// The md-* commands' pieces without a cloud: the jsonschema walk (first error, paths, wording),
// glanceclient's namespace view, Python's int() and type names, and the metadef decoders.
import { describe, expect, it } from 'vitest';
import { namespaceGuard } from '../../src/api/image/metadefs/namespaces.js';
import { associationGuard } from '../../src/api/image/metadefs/resource-types.js';
import { firstSchemaError, schemaErrorText } from '../../src/cli/glance/support/json-schema.js';
import { maxColumnWidth, namespaceView, pyTypeName } from '../../src/cli/glance/support/metadefs.js';
import { ShapeError } from '../../src/http/decode.js';
import { parseCommandLine } from '../helpers/parse.js';

/** The shape of Glance's namespace schema that matters here (order kept: properties first). */
const SCHEMA = {
  name: 'namespace',
  properties: {
    namespace: { type: 'string', maxLength: 80 },
    visibility: { type: 'string', enum: ['public', 'private'] },
    properties: { $ref: '#/definitions/property' },
    objects: { type: 'array', items: { type: 'object', properties: { required: { $ref: '#/definitions/stringArray' } } } },
  },
  additionalProperties: false,
  definitions: {
    positiveInteger: { minimum: 0, type: 'integer' },
    positiveIntegerDefault0: { allOf: [{ $ref: '#/definitions/positiveInteger' }, { default: 0 }] },
    stringArray: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    property: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['title', 'type'],
        properties: { type: { type: 'string', enum: ['string', null] }, minLength: { $ref: '#/definitions/positiveIntegerDefault0' } },
      },
    },
  },
  required: ['namespace'],
};

describe('firstSchemaError (jsonschema 4.10 as warlock uses it)', () => {
  it('accepts a valid document', () => {
    expect(firstSchemaError(SCHEMA, { namespace: 'n', properties: { p: { title: 'P', type: 'string', minLength: 0 } } })).toBeUndefined();
  });

  it('reports the first error in the schema order: properties before additionalProperties before required', () => {
    expect(firstSchemaError(SCHEMA, { visibility: 'x', foo: 1 })?.message).toBe("'x' is not one of ['public', 'private']");
    expect(firstSchemaError(SCHEMA, { foo: 1 })?.message).toBe("Additional properties are not allowed ('foo' was unexpected)");
    expect(firstSchemaError(SCHEMA, {})?.message).toBe("'namespace' is a required property");
  });

  it('leaves $ref out of the schema path and keeps allOf indexes, as jsonschema does', () => {
    const error = firstSchemaError(SCHEMA, { namespace: 'n', properties: { p: { title: 'P', type: 'string', minLength: -1 } } })!;
    expect(error.message).toBe('-1 is less than the minimum of 0');
    expect(error.schemaPath).toEqual(['properties', 'properties', 'additionalProperties', 'properties', 'minLength', 'allOf', 0, 'minimum']);
    expect(error.instancePath).toEqual(['properties', 'p', 'minLength']);
    expect(schemaErrorText(error)).toBe(
      [
        '-1 is less than the minimum of 0',
        '',
        "Failed validating 'minimum' in schema['properties']['properties']['additionalProperties']['properties']['minLength']['allOf'][0]:",
        "    {'minimum': 0, 'type': 'integer'}",
        '',
        "On instance['properties']['p']['minLength']:",
        '    -1',
      ].join('\n'),
    );
  });

  it('words enum with None, required, uniqueItems and maxLength as Python does', () => {
    expect(firstSchemaError(SCHEMA, { namespace: 'n', properties: { p: { title: 'P', type: 'foo' } } })?.message).toBe("'foo' is not one of ['string', None]");
    expect(firstSchemaError(SCHEMA, { namespace: 'n', properties: { p: { title: 'P' } } })?.message).toBe("'type' is a required property");
    expect(firstSchemaError(SCHEMA, { namespace: 'n', objects: [{ required: ['a', 'a'] }] })?.message).toBe("['a', 'a'] has non-unique elements");
    expect(firstSchemaError(SCHEMA, { namespace: 'é'.repeat(81) })?.message).toMatch(/ is too long$/);
    expect(firstSchemaError(SCHEMA, { namespace: 'é'.repeat(80) })).toBeUndefined();
    expect(firstSchemaError(SCHEMA, { namespace: 'n', objects: ['a'] })?.message).toBe("'a' is not of type 'object'");
  });

  it('stops on a $ref loop instead of recursing forever', () => {
    const looped = { name: 'x', properties: { a: { $ref: '#/definitions/self' } }, definitions: { self: { $ref: '#/definitions/self' } } };
    expect(firstSchemaError(looped, { a: 1 })).toBeUndefined();
  });
});

describe("glanceclient's namespace view and Python-isms", () => {
  it('_namespace_show lists property keys and the names of associations, objects and tags', () => {
    const view = namespaceView({
      namespace: 'n',
      properties: { b: {}, a: {} },
      resource_type_associations: [{ name: 'OS::Glance::Image', prefix: 'x_' }],
      objects: [{ name: 'o1' }],
      tags: [{ name: 't2' }, { name: 't1' }],
    });
    expect(view).toEqual({ namespace: 'n', properties: ['b', 'a'], resource_type_associations: ['OS::Glance::Image'], objects: ['o1'], tags: ['t2', 't1'] });
  });

  it('--max-column-width: int() rules, 0 is the default 80, negatives refused', () => {
    expect(maxColumnWidth(' 40 ')).toBe(40);
    expect(maxColumnWidth('+1_0')).toBe(10);
    expect(maxColumnWidth('0')).toBe(80);
    expect(() => maxColumnWidth('-5')).toThrow('Invalid value for max_width: -5');
    expect(() => maxColumnWidth('4x')).toThrow("invalid literal for int() with base 10: '4x'");
    expect(() => maxColumnWidth('1__0')).toThrow('invalid literal');
  });

  it('type() names for "argument after ** must be a mapping"', () => {
    expect([[1], 'a', 1, 1.5, true, null].map(pyTypeName)).toEqual(['list', 'str', 'int', 'float', 'bool', 'NoneType']);
  });
});

describe('metadef decoders', () => {
  it('a namespace needs its name; associations, objects and tags need names; the rest is kept', () => {
    const body = { namespace: 'n', protected: true, extra: { any: 'thing' }, tags: [{ name: 't' }] };
    expect(namespaceGuard(body, '')).toBe(body);
    expect(() => namespaceGuard({ protected: true }, '')).toThrow(new ShapeError('namespace', 'is missing'));
    expect(() => namespaceGuard({ namespace: 'n', tags: [{}] }, '')).toThrow(new ShapeError('tags[0].name', 'is missing'));
    expect(() => namespaceGuard({ namespace: 'n', protected: 'yes' }, '')).toThrow(new ShapeError('protected', 'is not a boolean'));
  });

  it('an association needs a name; prefix and target are strings when present', () => {
    expect(associationGuard({ name: 'OS::Glance::Image', prefix: 'hw_' }, '')).toEqual({ name: 'OS::Glance::Image', prefix: 'hw_' });
    expect(() => associationGuard({ name: 'x', prefix: 1 }, '')).toThrow(new ShapeError('prefix', 'is not a string (1)'));
  });
});

describe('md-* command lines', () => {
  it('md-namespace-create gathers the body fields in glanceclient order, --protected read loosely', async () => {
    const { options } = await parseCommandLine('glance', ['md-namespace-create', 'n', '--protected', 'maybe', '--resource-type-associations', 'a', 'b']);
    const given = options.fields.filter(([, value]: [string, unknown]) => value !== undefined);
    expect(given).toEqual([
      ['namespace', 'n'],
      ['resource_type_associations', ['a', 'b']],
      ['protected', false],
    ]);
  });

  it('md-namespace-list: repeated --resource-types, no page size unless given', async () => {
    const { options } = await parseCommandLine('glance', ['md-namespace-list', '--resource-types', 'A', '--resource-types', 'B']);
    expect(options).toEqual({ resourceTypes: ['A', 'B'], visibility: undefined, pageSize: undefined });
  });
});

import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/errors.js';
import {
  bool,
  count,
  decodeAnswer,
  dict,
  either,
  list,
  nullable,
  num,
  obj,
  oneOf,
  optional,
  shape,
  ShapeError,
  str,
  time,
  wrapped,
  type Guard,
} from '../../src/http/decode.js';

/** What a guard says of a value: the value back, or the ShapeError's message. */
function verdict<T>(guard: Guard<T>, value: unknown, at = 'x'): unknown {
  try {
    return guard(value, at);
  } catch (err) {
    if (err instanceof ShapeError) return `error: ${err.message}`;
    throw err;
  }
}

describe('scalar guards', () => {
  it('str, bool: the right type passes, anything else (null, missing included) is named', () => {
    expect(verdict(str, 'a')).toBe('a');
    expect(verdict(str, '')).toBe('');
    expect(verdict(str, 1)).toBe('error: "x" is not a string (1)');
    expect(verdict(str, null)).toBe('error: "x" is not a string');
    expect(verdict(str, undefined)).toBe('error: "x" is missing');
    expect(verdict(str, ['a'])).toBe('error: "x" is not a string');
    expect(verdict(bool, false)).toBe(false);
    expect(verdict(bool, 'true')).toBe('error: "x" is not a boolean');
    expect(verdict(bool, 0)).toBe('error: "x" is not a boolean (0)');
  });

  it('count: a non-negative safe integer; Infinity (JSON 1e999), huge, negative, fractional and NaN are refused', () => {
    expect(verdict(count, 0)).toBe(0);
    expect(verdict(count, 2 ** 53 - 1)).toBe(2 ** 53 - 1);
    expect(verdict(count, JSON.parse('1e999'))).toBe('error: "x" is not a non-negative integer (Infinity)');
    expect(verdict(count, JSON.parse('-1e999'))).toBe('error: "x" is not a non-negative integer (-Infinity)');
    expect(verdict(count, 1e300)).toBe('error: "x" is not a non-negative integer (1e+300)');
    expect(verdict(count, 2 ** 53)).toBe('error: "x" is not a non-negative integer (9007199254740992)');
    expect(verdict(count, -1)).toBe('error: "x" is not a non-negative integer (-1)');
    expect(verdict(count, 1.5)).toBe('error: "x" is not a non-negative integer (1.5)');
    expect(verdict(count, NaN)).toBe('error: "x" is not a non-negative integer (NaN)');
    expect(verdict(count, '5')).toBe('error: "x" is not a non-negative integer');
    expect(verdict(count, null)).toBe('error: "x" is not a non-negative integer');
  });

  it('num: any finite number', () => {
    expect(verdict(num, -2.5)).toBe(-2.5);
    expect(verdict(num, 1e300)).toBe(1e300);
    expect(verdict(num, Infinity)).toBe('error: "x" is not a finite number (Infinity)');
    expect(verdict(num, '1')).toBe('error: "x" is not a finite number');
  });

  it('time: a string Date.parse understands', () => {
    expect(verdict(time, '2030-01-01T00:00:00.000000Z')).toBe('2030-01-01T00:00:00.000000Z');
    expect(verdict(time, 'soon')).toBe('error: "x" is not a date');
    expect(verdict(time, 1893456000)).toBe('error: "x" is not a date (1893456000)');
  });

  it('oneOf: only the listed strings', () => {
    const iface = oneOf(['public', 'internal', 'admin']);
    expect(verdict(iface, 'admin')).toBe('admin');
    expect(verdict(iface, 'Admin')).toBe('error: "x" is not one of public, internal, admin');
  });
});

describe('structure guards', () => {
  it('obj refuses null, lists and scalars; the root is called "the body"', () => {
    expect(verdict(obj, {})).toEqual({});
    expect(verdict(obj, null, '')).toBe('error: the body is not an object');
    expect(verdict(obj, [], '')).toBe('error: the body is not an object');
    expect(verdict(obj, 'abc', 'images[0]')).toBe('error: "images[0]" is not an object');
  });

  it('list names the first bad entry by index', () => {
    expect(verdict(list(str), ['a', 'b'])).toEqual(['a', 'b']);
    expect(verdict(list(str), 'abc', 'images')).toBe('error: "images" is not a list');
    expect(verdict(list(str), { 0: 'a' }, 'images')).toBe('error: "images" is not a list');
    expect(verdict(list(str), ['a', 7], 'tags')).toBe('error: "tags[1]" is not a string (7)');
  });

  it('optional allows absence only, nullable null only', () => {
    expect(verdict(optional(str), undefined)).toBeUndefined();
    expect(verdict(optional(str), null)).toBe('error: "x" is not a string');
    expect(verdict(nullable(str), null)).toBeNull();
    expect(verdict(nullable(str), undefined)).toBe('error: "x" is missing');
    expect(verdict(optional(nullable(count)), null)).toBeNull();
  });

  it('either takes the first shape that fits, else says what was expected', () => {
    const g = either(str, list(str), 'a string or a list of strings');
    expect(verdict(g, 'a')).toBe('a');
    expect(verdict(g, ['a'])).toEqual(['a']);
    expect(verdict(g, 3)).toBe('error: "x" is not a string or a list of strings (3)');
  });

  it('dict checks every value under its key', () => {
    expect(verdict(dict(count), { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(verdict(dict(count), { a: 1, b: -2 }, 'sizes')).toBe('error: "sizes.b" is not a non-negative integer (-2)');
  });

  it('shape checks the listed fields with full paths and returns the same object, extra fields and key order kept', () => {
    interface Rec {
      id: string;
      size: number | null;
      tags?: string[];
      [extra: string]: unknown;
    }
    const rec = shape<Rec>({ id: str, size: nullable(count), tags: optional(list(str)) });
    const input = { zeta: 'z', id: 'i', size: null, extra: { deep: [1] } };
    const out = rec(input, '');
    expect(out).toBe(input);
    expect(Object.keys(out)).toEqual(['zeta', 'id', 'size', 'extra']);
    expect(verdict(rec, { size: 1 }, '')).toBe('error: "id" is missing');
    expect(verdict(rec, { id: 'i', size: Number.POSITIVE_INFINITY }, 'token.images[2]')).toBe(
      'error: "token.images[2].size" is not a non-negative integer (Infinity)',
    );
    expect(verdict(rec, { id: 'i', size: 1, tags: 'a' }, '')).toBe('error: "tags" is not a list');
  });

  it('shape lets extra fields through only with numbers kept exactly (JSON.parse makes 1e999 Infinity and rounds long integers)', () => {
    const rec = shape<{ id: string }>({ id: str });
    expect(verdict(rec, JSON.parse('{"id": "i", "x": 1e999}'), '')).toBe('error: "x" is not a number that can be kept exactly (Infinity)');
    expect(verdict(rec, JSON.parse('{"id": "i", "x": {"deep": [1, 12345678901234567890]}}'), '')).toBe(
      'error: "x.deep[1]" is not a number that can be kept exactly (12345678901234567000)',
    );
    expect(verdict(rec, JSON.parse('{"id": "i", "x": 1.5, "y": 9007199254740991, "z": "1e999"}'), '')).toEqual({
      id: 'i',
      x: 1.5,
      y: 9007199254740991,
      z: '1e999',
    });
  });

  it('wrapped reads the record under its key', () => {
    const g = wrapped('image', shape<{ id: string }>({ id: str }));
    expect(verdict(g, { image: { id: 'a' } }, '')).toEqual({ id: 'a' });
    expect(verdict(g, { images: [] }, '')).toBe('error: "image" is missing');
    expect(verdict(g, [], '')).toBe('error: the body is not an object');
  });
});

describe('decodeAnswer', () => {
  const page = shape<{ images: unknown[] }>({ images: list(obj) });

  it('returns the decoded body', () => {
    expect(decodeAnswer('Glance', 'GET', 'http://h:9292/v2/images?limit=2', { images: [] }, page)).toEqual({ images: [] });
  });

  it('turns a wrong shape into one CliError line (exit 1) naming the service, method, URL path (no query) and field', () => {
    let thrown: unknown;
    try {
      decodeAnswer('Glance', 'GET', 'http://h:9292/v2/images?limit=2', { images: 'abc' }, page);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(CliError);
    expect((thrown as CliError).exitCode).toBe(1);
    expect((thrown as CliError).message).toBe('Glance answered GET /v2/images with an unexpected body: "images" is not a list');
  });

  it('lets other errors through untouched', () => {
    const boom: Guard<never> = () => {
      throw new RangeError('boom');
    };
    expect(() => decodeAnswer('Keystone', 'POST', 'http://h/v3/auth/tokens', {}, boom)).toThrow(RangeError);
  });
});

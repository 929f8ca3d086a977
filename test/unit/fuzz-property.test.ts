// Fuzzing the image flag parsers (--property key=value, booleans, integers, the whole flag set):
// every input gives a value or a one-line CliError, never a crash; and key=value splits exactly
// at the first '=' so any value (with '=', spaces, unicode) survives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBool, parseImageDataFlags, parseImageFlags, parseInteger, parseProperty } from '../../src/cli/glance/support/image-flags.js';
import { CliError } from '../../src/errors.js';

const ANY = fc.string({ unit: 'binary', maxLength: 60 });

function valueOrCliError<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    expect((err as Error).message).toMatch(/^error: /);
    return undefined;
  }
}

describe('--property KEY=VALUE', () => {
  it('any text: [key, value] with key + "=" + value === text, or a CliError when there is no key', () => {
    fc.assert(
      fc.property(ANY, (text) => {
        const result = valueOrCliError(() => parseProperty('--property', text));
        if (result === undefined) {
          expect(text.indexOf('=') <= 0).toBe(true);
          return;
        }
        const [key, value] = result;
        expect(`${key}=${value}`).toBe(text);
        expect(key.length).toBeGreaterThan(0);
        expect(key).not.toContain('=');
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('any key without "=" and any value round-trip, values with "=" included', () => {
    const key = ANY.filter((k) => k.length > 0 && !k.includes('='));
    fc.assert(
      fc.property(key, ANY, (k, v) => {
        expect(parseProperty('--property', `${k}=${v}`)).toEqual([k, v]);
      }),
      { numRuns: 2000, seed: 12 },
    );
  });

  it('the error names the flag and the text', () => {
    expect(() => parseProperty('--property', 'novalue')).toThrow("error: argument --property: expected KEY=VALUE, got 'novalue'");
    expect(() => parseProperty('--property', '=v')).toThrow(CliError);
  });
});

describe('booleans and integers', () => {
  it('parseBool: true, false or a CliError for any text', () => {
    fc.assert(
      fc.property(ANY, (text) => {
        valueOrCliError(() => parseBool('--is-public', text));
      }),
      { numRuns: 2000, seed: 13 },
    );
    for (const t of ['True', 'true', ' YES ', '1', 'on']) expect(parseBool('--x', t)).toBe(true);
    for (const f of ['False', 'no', '0', 'off', 'F']) expect(parseBool('--x', f)).toBe(false);
  });

  it('parseInteger: an integer or a CliError for any text (never NaN)', () => {
    fc.assert(
      fc.property(fc.oneof(ANY, fc.integer().map(String), fc.constantFrom('1e3', '0x10', '', ' 7 ', '-0', '+5', '9'.repeat(400))), (text) => {
        const n = valueOrCliError(() => parseInteger('--min-disk', text));
        if (n !== undefined) expect(Number.isNaN(n)).toBe(false);
      }),
      { numRuns: 2000, seed: 14 },
    );
  });
});

describe('the whole flag set', () => {
  it('random option bags give Glance fields or a CliError, never a crash', () => {
    const opts = fc.record(
      {
        name: ANY,
        diskFormat: ANY,
        minDisk: ANY,
        minRam: ANY,
        isPublic: ANY,
        visibility: ANY,
        isProtected: ANY,
        protected: ANY,
        hidden: ANY,
        tags: fc.array(ANY, { maxLength: 3 }),
        property: fc.array(ANY, { maxLength: 4 }),
        size: ANY,
        checksum: ANY,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(opts, (o) => {
        const flags = valueOrCliError(() => parseImageFlags(o));
        if (flags) expect(typeof flags.fields).toBe('object');
        valueOrCliError(() => parseImageDataFlags(o));
      }),
      { numRuns: 2000, seed: 15 },
    );
  });

  it('properties land in the fields unchanged, the last one winning', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9_:]{0,15}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(key, ANY), { maxLength: 6 }), (pairs) => {
        const { fields } = parseImageFlags({ property: pairs.map(([k, v]) => `${k}=${v}`) });
        const expected: Record<string, string> = {};
        for (const [k, v] of pairs) expected[k] = v;
        for (const [k, v] of Object.entries(expected)) expect(fields[k]).toBe(v);
      }),
      { numRuns: 1000, seed: 16 },
    );
  });
});

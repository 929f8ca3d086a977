// Fuzzing the flag parsers (key=value, booleans, integers, byte counts) and the whole image-create
// flag set through the real command parser: every input gives a value or a usage error (exit 2)
// naming the flag, never a crash; key=value splits exactly at the first '='.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBoolean } from '../../src/config/boolean.js';
import { parseInteger } from '../../src/cli/flags/integer.js';
import { parseKeyValue } from '../../src/cli/flags/key-value.js';
import { parseByteCount } from '../../src/cli/flags/size.js';
import { UsageError } from '../../src/errors.js';
import { parseCommandLine } from '../helpers/parse.js';

const ANY = fc.string({ unit: 'binary', maxLength: 60 });

describe('KEY=VALUE', () => {
  it('any text: [key, value] with key + "=" + value === text, or undefined when there is no key', () => {
    fc.assert(
      fc.property(ANY, (text) => {
        const pair = parseKeyValue(text);
        if (pair === undefined) expect(text.indexOf('=') <= 0).toBe(true);
        else expect(`${pair[0]}=${pair[1]}`).toBe(text);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});

describe('numbers and booleans', () => {
  it('parseInteger: a safe integer in range or undefined, never NaN', () => {
    fc.assert(
      fc.property(fc.oneof(ANY, fc.integer().map(String), fc.constantFrom('1e3', '-5', '9'.repeat(20), ' 7 ')), (text) => {
        const n = parseInteger(text, { min: 0 });
        if (n !== undefined) expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
      }),
      { numRuns: 2000, seed: 12 },
    );
    expect(parseInteger('1e3')).toBeUndefined();
    expect(parseInteger('-5', { min: 0 })).toBeUndefined();
    expect(parseInteger('99999999999999999999')).toBeUndefined();
  });

  it('parseByteCount: digits only', () => {
    for (const bad of ['abc', '1e3', '1.5', '-1', '10G', '']) expect(parseByteCount(bad)).toBeUndefined();
    expect(parseByteCount('1024')).toBe(1024);
  });

  it('parseBoolean: oslo words only', () => {
    for (const t of ['True', 'true', ' YES ', '1', 'on']) expect(parseBoolean(t)).toBe(true);
    for (const f of ['False', 'no', '0', 'off', 'F']) expect(parseBoolean(f)).toBe(false);
    for (const x of ['maybe', '', 'truthy']) expect(parseBoolean(x)).toBeUndefined();
  });
});

async function parsedOrUsageError(argv: string[]): Promise<unknown> {
  try {
    return (await parseCommandLine('glance', argv)).options;
  } catch (err) {
    // commander's own refusals (a value that looks like a flag) carry its code; ours are UsageErrors.
    if (!(err instanceof UsageError)) expect(err).toHaveProperty('code');
    return undefined;
  }
}

describe('image-create through the real parser', () => {
  it('random flag values give options or a usage error, never a crash', async () => {
    const flag = fc.constantFrom(
      '--name',
      '--disk-format',
      '--min-disk',
      '--min-ram',
      '--is-public',
      '--visibility',
      '--is-protected',
      '--protected',
      '--hidden',
      '--property',
      '--size',
      '--checksum',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(flag, ANY), { maxLength: 5 }), async (pairs) => {
        const options = await parsedOrUsageError(['image-create', ...pairs.flatMap(([f, v]) => [`${f}=${v}`])]);
        if (options !== undefined) expect(typeof (options as { fields: unknown }).fields).toBe('object');
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('properties land in the fields unchanged, the last one winning', async () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9_:]{0,15}$/);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, ANY), { maxLength: 6 }), async (pairs) => {
        const { options } = await parseCommandLine('glance', ['image-create', ...pairs.map(([k, v]) => `--property=${k}=${v}`)]);
        const expected: Record<string, string> = {};
        for (const [k, v] of pairs) expected[k] = v;
        for (const [k, v] of Object.entries(expected)) expect(options.fields[k]).toBe(v);
      }),
      { numRuns: 300, seed: 16 },
    );
  });
});

// Decoding server JSON into typed records (gophercloud's results.go is the model): small guards
// that check a value's shape and return it typed. A wrong shape becomes one line naming the
// service, the request and the field, never a JavaScript error from deep inside a command.
import { CliError } from '../errors.js';

/** Checks `value` (found at `at`, a field path such as "token.catalog[0]") and returns it typed. */
export type Guard<T> = (value: unknown, at: string) => T;

/** One guard per field of T, optional fields included (their guard must accept undefined). */
export type Fields<T> = { [K in keyof Required<T>]: Guard<T[K]> };

/** A value of the wrong shape: `at` names the field, `problem` says what is wrong with it. */
export class ShapeError extends Error {
  constructor(
    readonly at: string,
    readonly problem: string,
  ) {
    super(`${at === '' ? 'the body' : JSON.stringify(at)} ${problem}`);
    this.name = 'ShapeError';
  }
}

/**
 * The path decodeAnswer checks with first: composite guards name no fields under it, and only a
 * failed check runs again with names. Naming every field of 10,000 images as "images[9999].size"
 * costs more than the checks themselves.
 */
const UNNAMED = '\u0000';

export function fieldPath(at: string, key: string): string {
  if (at === UNNAMED) return UNNAMED;
  return at === '' ? key : `${at}.${key}`;
}

const itemPath = (at: string, index: number): string => (at === UNNAMED ? UNNAMED : `${at}[${index}]`);

function wrong(value: unknown, at: string, expected: string): ShapeError {
  if (value === undefined) return new ShapeError(at, 'is missing');
  // Numbers are shown (Infinity, -1, 1e+300); strings are not: they may be long or hostile.
  const shown = typeof value === 'number' ? ` (${value})` : '';
  return new ShapeError(at, `is not ${expected}${shown}`);
}

export const str: Guard<string> = (value, at) => {
  if (typeof value !== 'string') throw wrong(value, at, 'a string');
  return value;
};

export const bool: Guard<boolean> = (value, at) => {
  if (typeof value !== 'boolean') throw wrong(value, at, 'a boolean');
  return value;
};

/** A finite number (JSON's 1e999 parses to Infinity). */
export const num: Guard<number> = (value, at) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong(value, at, 'a finite number');
  return value;
};

/** A size or count: an integer from 0 up to 2^53 - 1 (beyond that a double no longer counts bytes exactly). */
export const count: Guard<number> = (value, at) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw wrong(value, at, 'a non-negative integer');
  return value;
};

/** A timestamp string that Date.parse understands (a token's expiry is compared with the clock). */
export const time: Guard<string> = (value, at) => {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw wrong(value, at, 'a date');
  return value;
};

/** Any value at all (an enum's options, say). */
export const anyValue: Guard<unknown> = (value) => value;

/** A JSON object (not null, not a list). */
export const obj: Guard<Record<string, unknown>> = (value, at) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrong(value, at, 'an object');
  return value as Record<string, unknown>;
};

export function list<T>(item: Guard<T>): Guard<T[]> {
  return (value, at) => {
    if (!Array.isArray(value)) throw wrong(value, at, 'a list');
    for (let i = 0; i < value.length; i++) item(value[i], itemPath(at, i));
    return value as T[];
  };
}

/** One of a fixed set of strings. */
export function oneOf<const T extends string>(allowed: readonly T[]): Guard<T> {
  return (value, at) => {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw wrong(value, at, `one of ${allowed.join(', ')}`);
    return value as T;
  };
}

/** The field may be absent. */
export function optional<T>(guard: Guard<T>): Guard<T | undefined> {
  return (value, at) => (value === undefined ? undefined : guard(value, at));
}

/** The field may be null. */
export function nullable<T>(guard: Guard<T>): Guard<T | null> {
  return (value, at) => (value === null ? null : guard(value, at));
}

/** Either of two shapes (say a string or a list of strings). */
export function either<A, B>(first: Guard<A>, second: Guard<B>, expected: string): Guard<A | B> {
  return (value, at) => {
    for (const guard of [first, second]) {
      try {
        return guard(value, at);
      } catch (err) {
        if (!(err instanceof ShapeError)) throw err;
      }
    }
    throw wrong(value, at, expected);
  };
}

/** An object of string keys to values of one shape. */
export function dict<T>(value: Guard<T>): Guard<Record<string, T>> {
  return (input, at) => {
    const o = obj(input, at);
    for (const [key, entry] of Object.entries(o)) value(entry, fieldPath(at, key));
    return o as Record<string, T>;
  };
}

/**
 * An object whose listed fields have their types. The object itself is returned: fields the type
 * does not list (image properties, attributes newer servers add) are kept, and so is key order,
 * which the record views print in.
 */
/**
 * A free-form value (an image's own properties) passes as it is, but only with its numbers kept
 * exactly: JSON.parse makes 1e999 Infinity and rounds 12345678901234567890, and no format could then
 * show what the server sent.
 */
function exactNumbers(value: unknown, at: string): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value)))
      throw new ShapeError(at, `is not a number that can be kept exactly (${value})`);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) exactNumbers(value[i], itemPath(at, i));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) exactNumbers(item, fieldPath(at, key));
  }
}

export function shape<T extends object>(fields: Fields<T>): Guard<T> {
  const entries = Object.entries(fields) as Array<[string, Guard<unknown>]>;
  return (value, at) => {
    const o = obj(value, at);
    for (const [key, guard] of entries) guard(o[key], fieldPath(at, key));
    for (const key in o) if (!(key in fields)) exactNumbers(o[key], fieldPath(at, key));
    return o as T;
  };
}

/** The object under one key of the body, as most OpenStack answers wrap their record ({"image": …}). */
export function wrapped<T>(key: string, guard: Guard<T>): Guard<T> {
  return (value, at) => guard(obj(value, at)[key], fieldPath(at, key));
}

/**
 * Decodes a parsed answer. A wrong shape becomes a CliError (exit 1) of one line:
 * `Glance answered GET /v2/images with an unexpected body: "images" is not a list`.
 */
export function decodeAnswer<T>(service: string, method: string, url: string, body: unknown, guard: Guard<T>): T {
  try {
    return guard(body, UNNAMED);
  } catch (err) {
    if (!(err instanceof ShapeError)) throw err;
  }
  try {
    guard(body, '');
  } catch (err) {
    if (err instanceof ShapeError) throw unexpectedBody(service, method, url, err.message);
    throw err;
  }
  throw new Error('a guard failed once and passed the second time'); // guards are pure: a bug
}

export function unexpectedBody(service: string, method: string, url: string, problem: string): CliError {
  return new CliError(`${service} answered ${method} ${pathOf(url)} with an unexpected body: ${problem}`);
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

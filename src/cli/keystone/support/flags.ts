// Small helpers for the classic flag conventions (--x / --x-id / --x_id, argparse's required
// options, <true|false>).
import { UsageError } from '../../../errors.js';
import type { OptionSpec } from '../../command.js';

/** The first of several spellings of one option that was given (--tenant, --tenant-id, --tenant_id). */
export function firstOf(opts: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = opts[name];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** `--NAME <NAME>` and the spellings keystoneclient also took, `--NAME-id` and `--NAME_id` (hidden). */
export function withIdSpellings(name: string, description: string): OptionSpec[] {
  return [
    { flags: `--${name} <${name}>`, description },
    { flags: `--${name}-id <${name}>`, description: `Same as --${name}`, hidden: true },
    { flags: `--${name}_id <${name}>`, description: `Same as --${name}`, hidden: true },
  ];
}

/** The value of an option declared with withIdSpellings, whichever spelling was given. */
export function idSpelling(opts: Record<string, unknown>, name: string): string | undefined {
  return firstOf(opts, name, `${name}Id`, `${name}_id`);
}

export function required(value: string | undefined, command: string, flag: string): string {
  if (value === undefined) throw new UsageError(`keystone ${command}: error: argument ${flag} is required`);
  return value;
}

/** oslo's bool_from_string (not strict): true for 1/t/true/on/y/yes, anything else false. */
export function boolFromString(value: string | boolean): boolean {
  if (typeof value === 'boolean') return value;
  return ['1', 't', 'true', 'on', 'y', 'yes'].includes(value.trim().toLowerCase());
}

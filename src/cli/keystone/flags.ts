// Small parse helpers for the classic flag conventions (argparse's required options, <true|false>).
import { UsageError } from '../../errors.js';

/** The first of several spellings of one option that was given (--tenant, --tenant-id, --tenant_id). */
export function firstOf(opts: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = opts[name];
    if (typeof value === 'string') return value;
  }
  return undefined;
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

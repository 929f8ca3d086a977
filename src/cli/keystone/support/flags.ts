// The classic keystone flag conventions: --x with its older spellings --x-id and --x_id, argparse's
// "argument --x is required", the update commands' --enabled and user-create's `--pass [pass]`.
import { UsageError } from '../../../errors.js';
import { looseBooleanFlag, text, type Flag } from '../../flags/flag.js';

/** `--NAME <NAME>`, also taken as `--NAME-id` and `--NAME_id` (hidden), as keystoneclient did. */
export function withIdSpellings(name: string, description: string): Flag<string | undefined> {
  return text(`--${name} <${name}>`, description, { spellings: [`--${name}-id`, `--${name}_id`] });
}

export function required(value: string | undefined, command: string, flag: string): string {
  if (value === undefined) throw new UsageError(`keystone ${command}: error: argument ${flag} is required`);
  return value;
}

/** tenant-update's and user-update's `--enabled <true|false>`: as keystoneclient's `if args.enabled:`, an empty value changes nothing. */
export function enabledChange(description: string): Flag<boolean | undefined> {
  const flag = looseBooleanFlag('--enabled <true|false>', description);
  return { ...flag, decode: (raw) => (raw === '' ? undefined : flag.decode(raw)) };
}

/** A value, `ask` (the flag alone: prompt at the terminal), or not given. */
export type OptionalValue = { value: string } | 'ask' | undefined;

/** `--pass [pass]`: commander gives true for the flag alone, the text when a value follows. */
export function optionalValue(flags: string, description: string): Flag<OptionalValue> {
  return { flags, description, decode: (raw) => (raw === true ? 'ask' : typeof raw === 'string' ? { value: raw } : undefined) };
}

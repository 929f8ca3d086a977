// Typed flags: each flag carries its own decoder, so a command's parsed options have the types
// its spec declares (FlagValues<typeof flags>) and no command casts what commander produced.
// A value the decoder refuses is a usage error naming the flag, the value and what is allowed.
import { UsageError } from '../../errors.js';
import { parseBoolean, looseBoolean } from '../../config/boolean.js';
import { describeChoices, isChoice } from './choice.js';
import { describeRange, parseInteger, type IntegerRange } from './integer.js';
import { parseKeyValue } from './key-value.js';
import { BYTE_COUNT_HELP, parseByteCount } from './size.js';

/** What help, completions and commander need to know of a flag. */
export interface OptionSpec {
  /** Commander syntax: '-f, --file <FILE>', '--is-public <BOOL>', '--progress'. */
  flags: string;
  description: string;
  /** Values completions offer (a choice flag's choices; for free text, what the server usually takes). */
  suggestions?: readonly string[];
  /** May be given several times; the raw value is then a list. */
  repeatable?: boolean;
  /** Shown in help as the default. */
  default?: string | boolean;
  hidden?: boolean;
  /** Older spellings taken as the same flag, hidden from help (keystone's --tenant-id, --tenant_id). */
  spellings?: readonly string[];
  /** python-glanceclient 4.1.0's v2 shell lacks it (our addition or a v1 flag): its bash_completion word list leaves it out. */
  notInGlanceclient?: boolean;
}

export interface Flag<T> extends OptionSpec {
  /** Commander's value (string, string list, true/false or undefined) → the typed value. */
  decode(raw: unknown): T;
}

export type FlagSet = Readonly<Record<string, Flag<unknown>>>;
export type FlagValues<F extends FlagSet> = { -readonly [K in keyof F]: F[K] extends Flag<infer T> ? T : never };

/** A flag value outside what the flag allows; the command line turns it into a usage error. */
export class FlagValueError extends UsageError {
  constructor(
    readonly flag: string,
    value: string,
    problem: string,
    allowed: string,
  ) {
    super(`argument ${flag}: ${problem}: '${value}' (${allowed})`);
    this.name = 'FlagValueError';
  }
}

/** '-f, --format <FORMAT>' → '--format'. */
export function longName(flags: string): string {
  return /--[A-Za-z0-9_-]+/.exec(flags)?.[0] ?? flags;
}

type Extra = Omit<OptionSpec, 'flags' | 'description'>;

function make<T>(flags: string, description: string, extra: Extra, decode: (raw: unknown, flag: string) => T): Flag<T> {
  const flag = longName(flags);
  return { flags, description, ...extra, decode: (raw) => decode(raw, flag) };
}

const rawText = (raw: unknown): string | undefined => (typeof raw === 'string' ? raw : undefined);
const rawList = (raw: unknown): string[] => (Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : typeof raw === 'string' ? [raw] : []);

/** `--name <NAME>`: the text as given. */
export const text = (flags: string, description: string, extra: Extra = {}): Flag<string | undefined> => make(flags, description, extra, rawText);

/** A repeatable `--tag <TAG>`: every value, in order ([] when not given). */
export const texts = (flags: string, description: string, extra: Extra = {}): Flag<string[]> =>
  make(flags, description, { ...extra, repeatable: true }, rawList);

/** `--tags <TAGS...>`: several values after one flag (undefined when not given). */
export const words = (flags: string, description: string, extra: Extra = {}): Flag<string[] | undefined> =>
  make(flags, description, extra, (raw) => (raw === undefined ? undefined : rawList(raw)));

/** A switch: `--progress` → true; `--no-cache` → false when given. */
export const presence = (flags: string, description: string, extra: Extra = {}): Flag<boolean> =>
  make(flags, description, extra, (raw) => (flags.startsWith('--no-') ? raw === false : raw === true));

export function integer(flags: string, description: string, range: IntegerRange, extra: Extra = {}): Flag<number | undefined> {
  return make(flags, description, extra, (raw, flag) => {
    const given = rawText(raw);
    if (given === undefined) return undefined;
    const value = parseInteger(given, range);
    if (value === undefined) throw new FlagValueError(flag, given, 'invalid int value', `use ${describeRange(range)}`);
    return value;
  });
}

export function byteCount(flags: string, description: string, extra: Extra = {}): Flag<number | undefined> {
  return make(flags, description, extra, (raw, flag) => {
    const given = rawText(raw);
    if (given === undefined) return undefined;
    const value = parseByteCount(given);
    if (value === undefined) throw new FlagValueError(flag, given, 'invalid size', `use ${BYTE_COUNT_HELP}`);
    return value;
  });
}

function strictBoolean(given: string, flag: string): boolean {
  const value = parseBoolean(given);
  if (value === undefined) throw new FlagValueError(flag, given, 'invalid boolean value', 'use True or False');
  return value;
}

/** `--timeout <SECONDS>`: a positive number of seconds, fractions allowed. */
export const seconds = (flags: string, description: string, extra: Extra = {}): Flag<number | undefined> =>
  make(flags, description, extra, (raw, flag) => {
    const given = rawText(raw);
    if (given === undefined) return undefined;
    const value = /^\s*\d*\.?\d+\s*$/.test(given) ? Number(given) : Number.NaN;
    if (!(value > 0 && Number.isFinite(value))) throw new FlagValueError(flag, given, 'invalid number of seconds', 'use a positive number, e.g. 30 or 0.5');
    return value;
  });

/** `--is-public <BOOL>`: True/False (oslo's words); anything else is refused, never a silent False. */
export const boolean = (flags: string, description: string, extra: Extra = {}): Flag<boolean | undefined> =>
  make(flags, description, { suggestions: ['True', 'False'], ...extra }, (raw, flag) => {
    const given = rawText(raw);
    return given === undefined ? undefined : strictBoolean(given, flag);
  });

/** `--hidden [BOOL]`: alone means True. */
export const optionalBoolean = (flags: string, description: string, extra: Extra = {}): Flag<boolean | undefined> =>
  make(flags, description, extra, (raw, flag) => (raw === true ? true : raw === undefined ? undefined : strictBoolean(rawText(raw) ?? '', flag)));

/** keystoneclient's `--enabled <true|false>`: anything but a true word is False, as it was. */
export const looseBooleanFlag = (flags: string, description: string, extra: Extra = {}): Flag<boolean | undefined> =>
  make(flags, description, extra, (raw) => {
    const given = rawText(raw);
    return given === undefined ? undefined : looseBoolean(given);
  });

function checkedChoice<C extends string>(given: string, choices: readonly C[], flag: string): C {
  if (!isChoice(given, choices)) throw new FlagValueError(flag, given, 'invalid choice', describeChoices(choices));
  return given;
}

/** One value of a fixed set. */
export const choice = <C extends string>(flags: string, description: string, choices: readonly C[], extra: Extra = {}): Flag<C | undefined> =>
  make(flags, description, { suggestions: choices, ...extra }, (raw, flag) => {
    const given = rawText(raw);
    return given === undefined ? undefined : checkedChoice(given, choices, flag);
  });

/** A repeatable flag whose every value is one of a fixed set. */
export const choiceList = <C extends string>(flags: string, description: string, choices: readonly C[], extra: Extra = {}): Flag<C[]> =>
  make(flags, description, { suggestions: choices, ...extra, repeatable: true }, (raw, flag) =>
    rawList(raw).map((given) => checkedChoice(given, choices, flag)),
  );

/** A repeatable `--property <KEY=VALUE>`. */
export const keyValues = (flags: string, description: string, extra: Extra = {}): Flag<Array<[string, string]>> =>
  make(flags, description, { ...extra, repeatable: true }, (raw, flag) =>
    rawList(raw).map((given) => {
      const pair = parseKeyValue(given);
      if (!pair) throw new FlagValueError(flag, given, 'invalid property', 'use KEY=VALUE');
      return pair;
    }),
  );

/** The same flag, marked as one python-glanceclient 4.1.0's v2 shell does not have. */
export function notInGlanceclient<F extends OptionSpec>(flag: F): F {
  return { ...flag, notInGlanceclient: true };
}

/** Every flag of a set marked as not in python-glanceclient 4.1.0's v2 shell. */
export function noneInGlanceclient<S extends Readonly<Record<string, OptionSpec>>>(flags: S): S {
  return Object.fromEntries(Object.entries(flags).map(([key, flag]) => [key, notInGlanceclient(flag)])) as S;
}

/** The same flag with a value when it is not given. */
export function withDefault<T>(flag: Flag<T | undefined>, value: T): Flag<T> {
  return {
    ...flag,
    default: flag.default ?? (typeof value === 'string' || typeof value === 'boolean' ? value : undefined),
    decode: (raw) => flag.decode(raw) ?? value,
  };
}

/** Decodes every flag of a set; `read` gives commander's value for one flag (any of its spellings). */
export function decodeFlags<F extends FlagSet>(flags: F, read: (flag: Flag<unknown>) => unknown): FlagValues<F> {
  const values: Record<string, unknown> = {};
  for (const [key, flag] of Object.entries(flags)) values[key] = flag.decode(read(flag));
  return values as FlagValues<F>;
}

/** Required flags left out: argparse's complaint (`the following arguments are required: --name, --schema`), in the order given. */
export function requireFlags(given: Readonly<Record<string, unknown>>): void {
  const missing = Object.entries(given).filter(([, value]) => value === undefined || (Array.isArray(value) && value.length === 0));
  if (missing.length > 0) throw new UsageError(`the following arguments are required: ${missing.map(([flag]) => flag).join(', ')}`);
}

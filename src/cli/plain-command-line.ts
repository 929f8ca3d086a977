// Most command lines are plain: global flags, a command, its flags and arguments, every flag
// spelled out alone (`--name VALUE`, `--name=VALUE`, `-f VALUE`, `--switch`). Such a line is read
// here as commander reads it (src/cli/program.ts), without loading commander or building its tree
// of every command's options (about 700 minor faults a run). Whatever else a line holds (help,
// `--`, grouped short flags, an optional or variadic flag value, an unknown flag, a word commander
// would refuse or a value a flag refuses) is commander's: the answer is then undefined, and
// commander parses the line and words its errors.
import type { CommandModule } from './command.js';
import { decodeArgs } from './flags/args.js';
import { decodeFlags, type Flag, type FlagSet, type FlagValues } from './flags/flag.js';
import type { GlobalFlags } from './globals.js';
import { OUTPUT_FLAGS, type OutputFlags } from './output-flags.js';
import { checkFormat } from '../output/printer.js';

/** What commander's action would receive (program.ts), decoded. */
export interface PlainCommandLine {
  module: CommandModule;
  options: unknown;
  output: OutputFlags | undefined;
  globals: Partial<GlobalFlags>;
  /** --os-image-api-version as given, the last of several. */
  imageApiVersion: string | undefined;
}

/** One commander option: whether it takes a value, whether it keeps every value, and where commander stores it. */
interface Slot {
  takesValue: boolean;
  /** program.ts's everyOccurrence parser: a list of every value given. */
  keepsEvery: boolean;
  /** Not read here: an optional value `[X]`, a variadic `<X...>`, a repeatable switch, or a switch with its `--no-` twin. */
  commanders: boolean;
  attribute: string;
}

/** Commander's reading of a flag's syntax (Option's constructor), and program.ts's choice of parser (toOption). */
function slotFor(flag: Flag<unknown>, names: readonly string[]): Slot {
  const required = flag.flags.includes('<');
  const optional = flag.flags.includes('[') && !required;
  const variadic = /\w\.\.\.[>\]]$/.test(flag.flags);
  const keepsEvery = flag.repeatable === true || (/<[^>]+>/.test(flag.flags) && !flag.flags.includes('...>'));
  return {
    takesValue: required,
    keepsEvery,
    commanders: optional || variadic || (!required && keepsEvery),
    attribute: attributeOf(names),
  };
}

/** Commander's Option.attributeName(): `--no-cache` → cache, `--os-auth-url` → osAuthUrl. */
function attributeName(long: string): string {
  const words = long.replace(/^--(no-)?/, '').split('-');
  return words.map((word, i) => (i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
}

/** A flag's spellings as commander options (program.ts's optionsOf): its own, then its older ones; each option's names. */
function optionNames(flag: Flag<unknown>): string[][] {
  const value = /\s[<[].*$/.exec(flag.flags)?.[0] ?? '';
  return [flag.flags, ...(flag.spellings ?? []).map((name) => `${name}${value}`)].map((spelling) =>
    spelling.split(/[ ,|]+/).filter((word) => word.startsWith('-')),
  );
}

const attributeOf = (names: readonly string[]): string => attributeName(names.find((name) => name.startsWith('--')) ?? names[0] ?? '');

/** The options of one commander command (the program's, or a command's own and its output flags) and the values given. */
class Options {
  private readonly slots = new Map<string, Slot>();
  private readonly given = new Map<string, string | string[] | boolean>();

  constructor(sets: readonly FlagSet[]) {
    for (const flag of sets.flatMap((set) => Object.values(set))) {
      for (const names of optionNames(flag)) {
        const slot = slotFor(flag, names);
        for (const name of names) this.slots.set(name, slot);
      }
    }
    for (const [name, slot] of this.slots) {
      const twin = name.startsWith('--no-') ? this.slots.get(`--${name.slice(5)}`) : undefined;
      if (twin) twin.commanders = slot.commanders = true;
    }
  }

  /** Takes the flag at argv[at] (and its value): the index after it, or undefined when commander must read it. */
  take(argv: readonly string[], at: number): number | undefined {
    const word = argv[at]!;
    const equals = word.startsWith('--') ? word.indexOf('=') : -1;
    const slot = this.slots.get(equals > 0 ? word.slice(0, equals) : word);
    if (!slot || slot.commanders || (equals > 0 && !slot.takesValue)) return undefined;
    if (!slot.takesValue) {
      // A switch: `--no-x` stores false.
      this.given.set(slot.attribute, !word.startsWith('--no-'));
      return at + 1;
    }
    // As commander does: the next word is the value, whatever it looks like.
    const value = equals > 0 ? word.slice(equals + 1) : argv[at + 1];
    if (value === undefined) return undefined;
    const previous = this.given.get(slot.attribute);
    // Without program.ts's everyOccurrence parser, commander keeps the last value alone.
    this.given.set(slot.attribute, slot.keepsEvery ? [...(Array.isArray(previous) ? previous : []), value] : value);
    return equals > 0 ? at + 1 : at + 2;
  }

  /** A set's values as program.ts's addFlags reads them back from commander: the first spelling given wins, else the default. */
  decode<F extends FlagSet>(flags: F): FlagValues<F> {
    return decodeFlags(flags, (flag) => {
      const given = optionNames(flag)
        .map(attributeOf)
        .find((attribute) => this.given.has(attribute));
      // Commander's defaults: the flag's own, and true for a `--no-x` switch.
      if (given === undefined) return flag.default ?? (flag.flags.startsWith('--no-') ? true : undefined);
      const raw = this.given.get(given);
      if (flag.repeatable || !Array.isArray(raw)) return raw;
      // A single-value flag given several times: the last wins, once every value is valid.
      for (const value of raw) flag.decode(value);
      return raw.at(-1);
    });
  }
}

/** Commander's checks of a command's arguments: none missing, none too many; a variadic one takes the rest. */
function commanderArgs(module: CommandModule, words: readonly string[]): unknown[] | undefined {
  const names = Object.values(module.spec.args ?? {}).map((arg) => arg.name);
  const values: unknown[] = [];
  for (const [i, name] of names.entries()) {
    const variadic = name.endsWith('...>') || name.endsWith('...]');
    if (name.startsWith('<') && words[i] === undefined) return undefined;
    values.push(variadic ? (i < words.length ? words.slice(i) : undefined) : words[i]);
    if (variadic) return values;
  }
  return words.length > names.length ? undefined : values;
}

/**
 * The plain command line's command and values, decoded as program.ts decodes commander's; undefined
 * when commander has to parse it. `commands` are the run's (src/cli/command-table.ts): only a loaded
 * module is run.
 */
export function plainCommandLine(
  argv: readonly string[],
  globalFlags: FlagSet,
  commands: readonly CommandModule[],
  loaded: (module: CommandModule) => boolean,
): PlainCommandLine | undefined {
  if (argv.some((word) => word === '--' || word === '-h' || word === '--help')) return undefined;
  const programOptions = new Options([globalFlags]);
  let at = 0;
  while (at < argv.length && argv[at]!.length > 1 && argv[at]!.startsWith('-')) {
    const next = programOptions.take(argv, at);
    if (next === undefined) return undefined;
    at = next;
  }
  const name = argv[at];
  const module = commands.find((m) => m.spec.name === name || m.spec.aliases?.includes(name ?? ''));
  if (!module || !loaded(module)) return undefined;
  const { spec } = module;
  const printsRecords = spec.output === 'list' || spec.output === 'record';
  const commandOptions = new Options(printsRecords ? [spec.options ?? {}, OUTPUT_FLAGS] : [spec.options ?? {}]);
  const words: string[] = [];
  for (at++; at < argv.length; ) {
    const word = argv[at]!;
    if (word.length < 2 || !word.startsWith('-')) {
      words.push(word);
      at++;
      continue;
    }
    const next = commandOptions.take(argv, at);
    if (next === undefined) return undefined;
    at = next;
  }
  const args = commanderArgs(module, words);
  if (!args) return undefined;
  try {
    const globals = programOptions.decode(globalFlags) as Partial<GlobalFlags>;
    const output = printsRecords ? commandOptions.decode(OUTPUT_FLAGS) : undefined;
    if (output) checkFormat(spec.output, output.format);
    const options = module.parse({ flags: commandOptions.decode(spec.options ?? {}), args: decodeArgs(spec.args ?? {}, args) });
    return { module, options, output, globals, imageApiVersion: globals.imageApiVersion };
  } catch {
    return undefined; // commander reads the line again and reports the error with its usage line
  }
}

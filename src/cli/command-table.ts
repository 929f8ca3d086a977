// What a program knows of each command without loading its module: the name, aliases, summary and
// the shape of its usage term, enough for --help's list and for commander to match (or suggest) a
// command name. The build writes the table (scripts/build.mjs, __COMMAND_TABLES__); a run loads the
// module of the one command it runs and stands a stub for every other.
import type { CommandModule } from './command.js';
import type { Dialect } from './deps.js';
import { type FlagSet, presence } from './flags/flag.js';
import { globalFlagsFor } from './globals.js';

export interface CommandEntry {
  name: string;
  aliases: readonly string[];
  summary: string;
  args: ReadonlyArray<{ name: string }>;
  /** Whether it takes any flag: help's list shows `[options]` then. */
  options: boolean;
}

export type CommandTables = Record<Dialect, readonly CommandEntry[]>;

// JSON text, not an object: esbuild inlines a string where it is used, but hoists an object into a
// chunk every entry loads (--version included).
declare const __COMMAND_TABLES__: string | undefined;

export function commandEntry({ spec }: CommandModule): CommandEntry {
  return {
    name: spec.name,
    aliases: spec.aliases ?? [],
    summary: spec.summary,
    args: Object.values(spec.args ?? {}).map(({ name }) => ({ name })),
    options: Object.keys(spec.options ?? {}).length > 0 || spec.output === 'list' || spec.output === 'record',
  };
}

const notLoaded = async (): Promise<never> => {
  throw new Error('internal error: a command ran whose module was not loaded');
};
// Only makes help's list say `[options]`: a stub is listed, never parsed.
const STUB_OPTIONS: FlagSet = { stub: presence('--stub', '', { hidden: true }) };

/** A command that commander can list and match by name; never run (commandsFor loads the one that runs). */
function stubCommand(entry: CommandEntry): CommandModule {
  const args = Object.fromEntries(entry.args.map((arg, i) => [String(i), { ...arg, description: '', decode: () => undefined }]));
  return {
    spec: { name: entry.name, aliases: entry.aliases, summary: entry.summary, args, options: entry.options ? STUB_OPTIONS : {}, output: 'none' },
    parse: notLoaded,
    run: notLoaded,
  };
}

/** Whether a run has the command's module (not a stub standing for it). */
export const isLoaded = (module: CommandModule): boolean => module.run !== notLoaded;

/** The command argv names (or `help COMMAND` asks about): the first word after the global flags and their values. */
export function invokedCommand(argv: readonly string[], table: readonly CommandEntry[], globalFlags: FlagSet): CommandEntry | undefined {
  const takesValue = new Set<string>();
  for (const flag of Object.values(globalFlags)) {
    if (!/<[^>]+>/.test(flag.flags)) continue;
    for (const name of [...flag.flags.split(/[ ,]+/).filter((word) => word.startsWith('-')), ...(flag.spellings ?? [])]) takesValue.add(name);
  }
  const words = argv.filter((_, i) => !takesValue.has(argv[i - 1] ?? ''));
  let at = words.findIndex((word) => !word.startsWith('-'));
  if (words[at] === 'help') at++;
  const name = words[at];
  return table.find((entry) => entry.name === name || entry.aliases.includes(name ?? ''));
}

/** The commands of one run: the module of the command argv invokes, and every command for commander. */
export interface RunCommands {
  /** The invoked command's module, when argv names one. */
  invoked: CommandModule | undefined;
  /** The module of the invoked command, a stub for each other (made only when commander reads the command line). */
  all(): readonly CommandModule[];
}

/**
 * The commands of one run. From the sources (no table: tests), or for bash-completion (it lists
 * every command's flags): every module.
 */
export async function commandsFor(dialect: Dialect, argv: readonly string[]): Promise<RunCommands> {
  const table = typeof __COMMAND_TABLES__ === 'undefined' ? undefined : (JSON.parse(__COMMAND_TABLES__) as CommandTables)[dialect];
  const invoked = table && invokedCommand(argv, table, globalFlagsFor(dialect));
  if (!table || invoked?.name === 'bash-completion') {
    const every = dialect === 'glance' ? (await import('./glance/index.js')).glanceCommands : (await import('./keystone/index.js')).keystoneCommands;
    const named = table ? invoked : invokedCommand(argv, every.map(commandEntry), globalFlagsFor(dialect));
    return { invoked: every.find((module) => module.spec.name === named?.name), all: () => every };
  }
  const loaders = dialect === 'glance' ? (await import('./glance/loaders.js')).glanceLoaders : (await import('./keystone/loaders.js')).keystoneLoaders;
  const module = invoked && (await loaders[invoked.name]!());
  let all: readonly CommandModule[] | undefined;
  return { invoked: module, all: () => (all ??= table.map((entry) => (entry === invoked && module ? module : stubCommand(entry)))) };
}

// Builds the commander tree for one dialect from the command specs, and decodes what commander
// parsed into each command's typed flags and arguments.
import { Argument, Command, type HelpContext, Option } from 'commander';
import type { CommandModule } from './command.js';
import { decodeArgs } from './flags/args.js';
import { decodeFlags, type Flag, type FlagSet, type OptionSpec } from './flags/flag.js';
import { type GlobalFlags, globalFlagsFor } from './globals.js';
import { OUTPUT_FLAGS, type OutputFlags } from './output-flags.js';
import { closest } from './suggest.js';
import { UsageError } from '../errors.js';
import { checkFormat } from '../output/printer.js';

/**
 * Every value of a flag given more than once: a repeatable flag's list, and for a single-value flag
 * each value checked, not only the last that wins (--limit=abc --limit 5).
 */
function everyOccurrence(value: string, previous: unknown): string[] {
  return [...(Array.isArray(previous) ? previous : []), value];
}

/** `--x <VALUE>`: one required value (not variadic `<X...>`, not optional `[X]`). */
const takesOneValue = (flags: string): boolean => /<[^>]+>/.test(flags) && !flags.includes('...>');

export function toOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.repeatable || takesOneValue(spec.flags)) option.argParser(everyOccurrence);
  if (spec.default !== undefined) option.default(spec.default);
  if (spec.hidden) option.hideHelp();
  return option;
}

/** The flag's options: its own, then its older spellings (hidden, same value). */
function optionsOf(spec: OptionSpec): Option[] {
  const value = /\s[<[].*$/.exec(spec.flags)?.[0] ?? '';
  const older = (spec.spellings ?? []).map((name) => toOption({ ...spec, flags: `${name}${value}`, hidden: true, default: undefined }));
  return [toOption(spec), ...older];
}

/** Adds a flag set to a command; returns how to read each flag's value back (first spelling given). */
function addFlags(cmd: Command, flags: FlagSet): (flag: Flag<unknown>) => unknown {
  const attributes = new Map<Flag<unknown>, string[]>();
  for (const flag of Object.values(flags)) {
    const options = optionsOf(flag);
    for (const option of options) cmd.addOption(option);
    attributes.set(
      flag,
      options.map((o) => o.attributeName()),
    );
  }
  // A spelling the user gave wins over the main spelling's default (--endpoint_type adminURL).
  return (flag) => {
    const names = attributes.get(flag) ?? [];
    const given = names.find((name) => cmd.getOptionValue(name) !== undefined && cmd.getOptionValueSource(name) !== 'default');
    const raw: unknown = given === undefined ? (names[0] === undefined ? undefined : cmd.getOptionValue(names[0])) : cmd.getOptionValue(given);
    // A repeatable flag's list, and a variadic flag's values (--tags a b), are the value itself.
    if (flag.repeatable || !takesOneValue(flag.flags) || !Array.isArray(raw)) return raw;
    // A single-value flag given several times: the last wins, as in argparse, once every value is valid.
    for (const value of raw) flag.decode(value);
    return raw.at(-1);
  };
}

/** What a command's action hands on: the module, its decoded options, the output flags and the global flags. */
export type Action = (module: CommandModule, options: unknown, output: OutputFlags | undefined, globals: Partial<GlobalFlags>) => Promise<void>;

/**
 * A bad flag value or combination as argparse reports it: the usage line, then
 * `<program> [<command>]: error: …` (a message that already has its usage line is kept as it is).
 */
function usageError(cmd: Command, err: UsageError): UsageError {
  if (err.message.startsWith('usage: ')) return err;
  const name = `${cmd.parent?.name() ?? ''} ${cmd.name()}`.trim();
  return new UsageError(`usage: ${name} ${cmd.usage()}\n${name}: error: ${err.message.replace(/^error: /, '')}`);
}

/**
 * Asked before commander prints a help (`help [CMD]`, `CMD --help`, `--help`; '' is the program's
 * own): true when the caller prints it instead (the glance v2 dialect prints glanceclient's).
 */
export type HelpHook = (command: string, viaHelpCommand: boolean) => boolean;

/** Routes a command's help through the hook first. */
function hookHelp(cmd: Command, name: string, hook: HelpHook, viaHelpCommand: () => boolean): void {
  const outputHelp = cmd.outputHelp.bind(cmd);
  Object.assign(cmd, {
    outputHelp: (context?: HelpContext): void => {
      if (!hook(name, viaHelpCommand())) outputHelp(context);
    },
  });
}

export function buildProgram(
  name: string,
  version: string,
  description: string,
  commands: readonly CommandModule[],
  action: Action,
  helpHook: HelpHook = () => false,
): Command {
  const program = new Command(name)
    .description(description)
    .version(version, '--version', 'Print the version and exit')
    .enablePositionalOptions()
    .showSuggestionAfterError(true)
    .helpCommand(false);
  // Keystone's set lacks glance's own flags: their values are undefined there.
  const globalFlags = globalFlagsFor(name);
  const readGlobal = addFlags(program, globalFlags);
  for (const module of commands) {
    const { spec } = module;
    const sub = program.command(spec.name).description(spec.summary);
    for (const alias of spec.aliases ?? []) sub.alias(alias);
    for (const arg of Object.values(spec.args ?? {})) sub.addArgument(new Argument(arg.name, arg.description));
    const read = addFlags(sub, spec.options ?? {});
    const readOutput = spec.output === 'list' || spec.output === 'record' ? addFlags(sub, OUTPUT_FLAGS) : undefined;
    if (spec.example) sub.addHelpText('after', `\nExample:\n  ${spec.example}`);
    sub.action(async (...received: unknown[]) => {
      let options: unknown;
      let output: OutputFlags | undefined;
      let globals: Partial<GlobalFlags>;
      try {
        globals = decodeFlags(globalFlags, readGlobal) as Partial<GlobalFlags>;
      } catch (err) {
        throw err instanceof UsageError ? usageError(program, err) : err;
      }
      try {
        output = readOutput && decodeFlags(OUTPUT_FLAGS, readOutput);
        if (output) checkFormat(spec.output, output.format);
        options = module.parse({ flags: decodeFlags(spec.options ?? {}, read), args: decodeArgs(spec.args ?? {}, received.slice(0, -2)) });
      } catch (err) {
        throw err instanceof UsageError ? usageError(sub, err) : err;
      }
      await action(module, options, output, globals);
    });
  }
  let viaHelpCommand = false;
  // Our own `help`: an unknown name is a usage error with a suggestion, as a mistyped command is.
  program
    .command('help [command]')
    .description('Show help for a command')
    .action((name: string | undefined): void => {
      viaHelpCommand = true;
      if (name === undefined) return program.help();
      const known = program.commands;
      const sub = known.find((c) => c.name() === name || c.aliases().includes(name));
      if (sub) return sub.help();
      if (helpHook(name, true)) return;
      const guess = closest(
        name,
        known.flatMap((c) => [c.name(), ...c.aliases()]),
      );
      program.error(`error: '${name}' is not a valid subcommand${guess ? `\n(Did you mean ${guess}?)` : ''}`, {
        exitCode: 2,
        code: 'commander.unknownCommand',
      });
    });
  for (const cmd of [program, ...program.commands]) hookHelp(cmd, cmd === program ? '' : cmd.name(), helpHook, () => viaHelpCommand);
  return program;
}

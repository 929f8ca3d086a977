// Builds the commander tree for one dialect from the command specs.
import { Command, Option } from 'commander';
import type { CommandModule, OptionSpec } from './command.js';
import { GLOBAL_OPTIONS } from './globals.js';
import { closest } from './suggest.js';
import { QUOTE_MODES } from '../output/formats/types.js';
import { FORMATS } from '../output/printer.js';

export const OUTPUT_OPTIONS: readonly OptionSpec[] = [
  { flags: '-f, --format <FORMAT>', description: 'Output format', choices: FORMATS, default: 'table' },
  { flags: '-c, --column <COLUMN>', description: 'Column or field to show (repeatable)', repeatable: true },
  { flags: '--noindent', description: 'json: no indentation' },
  { flags: '--prefix <PREFIX>', description: 'shell: prefix for variable names', default: '' },
  { flags: '--quote <WHEN>', description: 'csv: quoting', choices: QUOTE_MODES, default: 'nonnumeric' },
];

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function toOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.choices) option.choices(spec.choices);
  if (spec.repeatable) option.argParser(collect);
  if (spec.default !== undefined) option.default(spec.default);
  if (spec.hidden) option.hideHelp();
  return option;
}

export type Action = (module: CommandModule, opts: Record<string, unknown>, args: unknown[], globals: Record<string, unknown>) => Promise<void>;

export function buildProgram(name: string, version: string, description: string, commands: readonly CommandModule[], action: Action): Command {
  const program = new Command(name)
    .description(description)
    .version(version, '--version', 'Print the version and exit')
    .enablePositionalOptions()
    .showSuggestionAfterError(true)
    .helpCommand(false);
  for (const spec of GLOBAL_OPTIONS) program.addOption(toOption(spec));
  for (const module of commands) {
    const { spec } = module;
    const sub = program.command(spec.name).description(spec.summary);
    for (const alias of spec.aliases ?? []) sub.alias(alias);
    for (const arg of spec.args ?? []) sub.argument(arg.name, arg.description);
    for (const opt of spec.options ?? []) sub.addOption(toOption(opt));
    if (spec.output === 'list' || spec.output === 'record') for (const opt of OUTPUT_OPTIONS) sub.addOption(toOption(opt));
    if (spec.example) sub.addHelpText('after', `\nExample:\n  ${spec.example}`);
    sub.action(async (...received: unknown[]) => {
      const cmd = received[received.length - 1] as Command;
      await action(module, cmd.opts(), received.slice(0, -2), program.opts());
    });
  }
  // Our own `help`: an unknown name is a usage error with a suggestion, as a mistyped command is.
  program
    .command('help [command]')
    .description('Show help for a command')
    .action((name: string | undefined): void => {
      if (name === undefined) return program.help();
      const known = program.commands.filter((c) => c.name() !== 'help');
      const sub = known.find((c) => c.name() === name || c.aliases().includes(name));
      if (sub) return sub.help();
      const guess = closest(name, known.flatMap((c) => [c.name(), ...c.aliases()]));
      program.error(`error: '${name}' is not a valid subcommand${guess ? `\n(Did you mean ${guess}?)` : ''}`, { exitCode: 2, code: 'commander.unknownCommand' });
    });
  return program;
}

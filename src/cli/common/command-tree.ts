// The command tree as words a shell completes: commands, their flags, which flags take a value
// and which values are a fixed set. Built from the same specs commander is built from.
import type { CommandModule } from '../command.js';
import type { OptionSpec } from '../flags/flag.js';
import { globalFlagsFor } from '../globals.js';
import { OUTPUT_FLAGS } from '../output-flags.js';

export interface FlagNode {
  /** '-f', '--format' (short first). */
  names: string[];
  description: string;
  /** Metavar of the value ('FORMAT'), or undefined for a switch. */
  value?: string;
  /** Values to offer: the spec's suggestions (a choice flag's choices). */
  choices?: readonly string[];
  repeatable: boolean;
}

export interface CommandNode {
  name: string;
  aliases: readonly string[];
  summary: string;
  flags: FlagNode[];
  /** Positional arguments as shown in usage ('<IMAGE>'). */
  args: readonly string[];
}

export interface CommandTree {
  program: string;
  globals: FlagNode[];
  commands: CommandNode[];
}

const HELP: FlagNode = { names: ['-h', '--help'], description: 'Show help for this command', repeatable: false };

export function flagNode(spec: OptionSpec): FlagNode {
  return {
    names: spec.flags.split(/[ ,|]+/).filter((word) => word.startsWith('-')),
    description: spec.description,
    value: /[<[]([^>\]]+)[>\]]/.exec(spec.flags)?.[1],
    choices: spec.suggestions,
    repeatable: spec.repeatable === true,
  };
}

export function commandTree(program: string, commands: readonly CommandModule[]): CommandTree {
  const visible = (specs: Readonly<Record<string, OptionSpec>>) =>
    Object.values(specs)
      .filter((spec) => !spec.hidden)
      .map(flagNode);
  const nodes: CommandNode[] = commands.map(({ spec }) => ({
    name: spec.name,
    aliases: spec.aliases ?? [],
    summary: spec.summary,
    flags: [...visible(spec.options ?? {}), ...(spec.output === 'list' || spec.output === 'record' ? visible(OUTPUT_FLAGS) : []), HELP],
    args: Object.values(spec.args ?? {}).map((arg) => arg.name),
  }));
  nodes.push({ name: 'help', aliases: [], summary: 'Show help for a command', flags: [HELP], args: ['[command]'] });
  nodes.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    program,
    globals: [...visible(globalFlagsFor(program)), { names: ['--version'], description: 'Print the version and exit', repeatable: false }, HELP],
    commands: nodes,
  };
}

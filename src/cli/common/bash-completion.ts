// `glance bash-completion` / `keystone bash-completion` (also spelled bash_completion, the classic
// clients' name): every command name and every command option, space-separated, one line. In the
// glance v2 dialect the words are python-glanceclient 4.1.0's: its commands and only the flags its
// shell has (no -f/-c, no v1 flags), with -h/--help. Each registry hands in a getter for itself, so
// this module imports no registry (no cycle).
import { command, type CommandModule } from '../command.js';
import type { Deps, Dialect } from '../deps.js';
import { commandTree, flagNode } from './command-tree.js';

export interface Options {}

const NAME = 'bash-completion';

export function bashCompletionFor(program: Dialect, registry: () => readonly CommandModule[]): CommandModule {
  return command<Options>({
    spec: {
      name: NAME,
      aliases: ['bash_completion'],
      summary: 'Print all commands and options, space-separated, for shell completion scripts.',
      example: `complete -W "$(${program} bash-completion)" ${program}`,
      output: 'none',
    },
    parse: () => ({}),
    async run(_options: Options, deps: Deps) {
      const glanceclient = deps.dialect === 'glance' && deps.glance.apiVersion === 2;
      const words = glanceclient ? glanceclientWords(registry()) : completionWords(registry());
      deps.stdout.write(words.join(' ') + '\n');
    },
  });
}

export function completionWords(commands: readonly CommandModule[]): string[] {
  const tree = commandTree('', commands);
  const names = tree.commands.filter((c) => c.name !== NAME).flatMap((c) => [c.name, ...c.aliases]);
  const flags = new Set(tree.commands.flatMap((c) => c.flags.flatMap((f) => f.names)));
  return [...names, ...[...flags].sort()];
}

/** glanceclient's do_bash_completion: its subcommands (help too) and their options, -h/--help included. */
export function glanceclientWords(all: readonly CommandModule[]): string[] {
  const commands = all.filter((c) => !c.spec.notInGlanceclient);
  const names = [...commands.map((c) => c.spec.name).filter((name) => name !== NAME), 'help'].sort();
  const flags = new Set(['-h', '--help']);
  for (const { spec } of commands) {
    for (const flag of Object.values(spec.options ?? {})) if (!flag.hidden && !flag.notInGlanceclient) for (const name of flagNode(flag).names) flags.add(name);
  }
  return [...names, ...[...flags].sort()];
}

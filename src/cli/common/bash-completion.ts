// `glance bash-completion` / `keystone bash-completion`: what the classic clients printed for their
// bash completion script: every command name and every command option, space-separated, one line.
// Each registry hands in a getter for itself, so this module imports no registry (no cycle).
import { command, type CommandModule } from '../command.js';
import type { Deps, Dialect } from '../deps.js';
import { commandTree } from './command-tree.js';

export interface Options {}

export function bashCompletionFor(program: Dialect, registry: () => readonly CommandModule[]): CommandModule {
  return command<Options>({
    spec: {
      name: 'bash-completion',
      summary: 'Print all commands and options, space-separated, for shell completion scripts.',
      example: `complete -W "$(${program} bash-completion)" ${program}`,
      output: 'none',
    },
    parse: () => ({}),
    async run(_options: Options, deps: Deps) {
      deps.stdout.write(completionWords(registry()).join(' ') + '\n');
    },
  });
}

export function completionWords(commands: readonly CommandModule[]): string[] {
  const tree = commandTree('', commands);
  const names = tree.commands.filter((c) => c.name !== 'bash-completion').flatMap((c) => [c.name, ...c.aliases]);
  const flags = new Set(tree.commands.flatMap((c) => c.flags.flatMap((f) => f.names)));
  return [...names, ...[...flags].sort()];
}

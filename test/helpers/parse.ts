// Runs the real command-line parser (commander tree, typed flags, each command's parse()) on an
// argv and returns the command's options without running it: parse tests go through what users type.
import type { CommandModule } from '../../src/cli/command.js';
import { glanceCommands } from '../../src/cli/glance/index.js';
import { keystoneCommands } from '../../src/cli/keystone/index.js';
import { buildProgram } from '../../src/cli/program.js';

export interface ParseResult<O = any> {
  command: string;
  options: O;
}

/** The options the named dialect's command parses `argv` into; throws the UsageError (or commander's error) otherwise. */
export async function parseCommandLine<O = any>(dialect: 'glance' | 'keystone', argv: readonly string[]): Promise<ParseResult<O>> {
  let result: ParseResult<O> | undefined;
  const commands: readonly CommandModule[] = dialect === 'glance' ? glanceCommands : keystoneCommands;
  const program = buildProgram(dialect, '0', '', commands, async (module, options) => {
    result = { command: module.spec.name, options: options as O };
  });
  for (const cmd of [program, ...program.commands]) cmd.exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  await program.parseAsync([...argv], { from: 'user' });
  if (!result) throw new Error(`no command ran for ${argv.join(' ')}`);
  return result;
}

// Bundled and run by scripts/build.mjs: every command's entry, for the table a run lists and
// matches commands from without loading them (src/cli/command-table.ts), and each program's help
// as commander lays it out for a pipe, which `--help` prints without loading commander (src/entry.ts).
import { type CommandTables, commandEntry } from '../src/cli/command-table.js';
import { glanceCommands } from '../src/cli/glance/index.js';
import { keystoneCommands } from '../src/cli/keystone/index.js';
import { programHelp } from '../src/main.js';

export const tables: CommandTables = { glance: glanceCommands.map(commandEntry), keystone: keystoneCommands.map(commandEntry) };
export const helps: Record<keyof CommandTables, string> = {
  glance: await programHelp('glance', glanceCommands),
  keystone: await programHelp('keystone', keystoneCommands),
};

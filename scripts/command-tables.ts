// Bundled and run by scripts/build.mjs: every command's entry, for the table a run lists and
// matches commands from without loading them (src/cli/command-table.ts).
import { type CommandTables, commandEntry } from '../src/cli/command-table.js';
import { glanceCommands } from '../src/cli/glance/index.js';
import { keystoneCommands } from '../src/cli/keystone/index.js';

export const tables: CommandTables = { glance: glanceCommands.map(commandEntry), keystone: keystoneCommands.map(commandEntry) };

// The program's help as commander prints it to a pipe, stored by the build (scripts/command-tables.ts).
// A module of its own, so only --help reads and parses it: every other command line skips its 19 KB.
import type { Dialect } from './cli/deps.js';

/** JSON of each program's help; none from the sources (main prints it through commander then). */
declare const __PROGRAM_HELP__: string | undefined;

export const storedHelp: Record<Dialect, string> | undefined = typeof __PROGRAM_HELP__ === 'string' ? JSON.parse(__PROGRAM_HELP__) : undefined;

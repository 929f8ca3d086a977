// The entry bin/glance and bin/keystone load: `--version` alone is answered here, before the program
// (commander, the command table: src/main.ts) is loaded at all.
import type { Dialect } from './cli/deps.js';

declare const __VERSION__: string;

export async function main(dialect: Dialect, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // A closed stdout is main's to report (OSC_STDOUT_CLOSED: bin/launcher.sh).
  if (argv.length === 1 && argv[0] === '--version' && process.env.OSC_STDOUT_CLOSED === undefined) {
    process.stdout.on('error', () => process.exit(0)); // `glance --version | true`
    process.stdout.write(`${typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'}\n`);
    return;
  }
  await (await import('./main.js')).main(dialect, argv);
}

// The entry bin/glance and bin/keystone load: `--version` and the program's `--help` are answered
// here, before the program (commander, the command table: src/main.ts) is loaded at all.
import type { Dialect } from './cli/deps.js';

declare const __VERSION__: string;

/** The build's copy of the help main would print for argv, if that is what it would print. */
async function builtHelp(dialect: Dialect, argv: readonly string[]): Promise<string | undefined> {
  // glanceclient with no arguments prints its help.
  const asks = argv.length === 1 ? argv[0] === '--help' || argv[0] === '-h' : argv.length === 0 && dialect === 'glance';
  // OS_IMAGE_API_VERSION may ask for glanceclient's v2 help (src/cli/argparse), or be wrong: main decides.
  if (!asks || (dialect === 'glance' && process.env.OS_IMAGE_API_VERSION !== undefined)) return undefined;
  // Commander wraps to a terminal's width; the build's copy is laid out for 80 columns.
  if (process.stdout.isTTY && (process.stdout.columns ?? 80) !== 80) return undefined;
  return (await import('./stored-help.js')).storedHelp?.[dialect];
}

export async function main(dialect: Dialect, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // A closed stdout is main's to report (OSC_STDOUT_CLOSED: bin/launcher.sh).
  if (process.env.OSC_STDOUT_CLOSED === undefined) {
    const text =
      argv.length === 1 && argv[0] === '--version' ? `${typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev'}\n` : await builtHelp(dialect, argv);
    if (text !== undefined) {
      // As main (src/cli/process/stdout.ts, not loaded here): `glance --help | true` ends quietly, `>/dev/full` does not.
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE') process.stderr.write(`${dialect}: the output could not be written: ${err.message}\n`);
        process.exit(err.code === 'EPIPE' ? 0 : 1);
      });
      process.stdout.write(text);
      return;
    }
  }
  // A cached command's first request goes out now, its answer arriving while main loads (src/session/early-request.ts);
  // if that answer alone made the last run's output, it is printed as that run printed it: the output kept
  // if the answer is the same (src/cli/replayed-output.ts), else from the answer (src/cli/replay.ts).
  if (argv.length > 0) {
    // Ahead of even that, the bytes a run with these inputs wrote first, if it left them (src/session/send-ahead.ts).
    await (await import('./session/send-ahead.js')).sendAhead(dialect, argv, process.env);
    const early = await (await import('./session/early-request.js')).sendRememberedRequest(dialect, argv, process.env);
    if (early && process.env.OSC_STDOUT_CLOSED === undefined) {
      const replayed = await import('./cli/replayed-output.js');
      if (await replayed.printReplayedOutput(dialect, early)) return replayed.exitAfterOutput(); // as main ends
      const replay = await import('./cli/replay.js');
      if (await replay.replay(dialect, early)) return replay.exitAfterOutput();
    }
  }
  await (await import('./main.js')).main(dialect, argv);
}

// One entry for both commands: the name we are invoked by picks the dialect.
import { isatty } from 'node:tty';
import { type Command, CommanderError } from 'commander';
import type { CommandModule } from './cli/command.js';
import { commandsFor } from './cli/command-table.js';
import type { Dialect } from './cli/deps.js';
import { globalsFrom, type GlobalOptions, imageApiVersion } from './cli/globals.js';
import { makeDeps } from './cli/make-deps.js';
import { signalCleanup } from './cli/process/interrupt.js';
import { buildProgram } from './cli/program.js';
import { CliError, EndpointNotFoundError, HttpError, messageOf, UsageError } from './errors.js';
import { colours, usageErrorText } from './output/colour.js';
import { printOptions } from './cli/output-flags.js';
import { EXIT } from './exit-codes.js';
import { firstNonUtf8Argument } from './cli/process/argv-bytes.js';
import { processStdout, type Stdout, takeStdoutClosed } from './cli/process/stdout.js';
import { terminalLines } from './output/terminal-text.js';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const DESCRIPTIONS: Record<Dialect, string> = {
  glance: 'Command-line interface to the OpenStack Images API (runbook syntax, Glance v2 on the wire).',
  keystone: 'Command-line interface to the OpenStack Identity API (classic keystone syntax, Keystone v3 on the wire).',
};

/** The classic clients took `--os_username` as well as `--os-username`. */
export function normaliseArgv(argv: readonly string[]): string[] {
  return argv.map((arg) => (/^--os_[a-z_]+(=|$)/.test(arg) ? arg.replace(/^([^=]*)/, (flag) => flag.replace(/_/g, '-')) : arg));
}

export function formatError(err: unknown, dialect: Dialect, debug: boolean, imageApiVersion: 1 | 2 = 1): string {
  // python-glanceclient 4.1.0's words for a catalog without the endpoint (keystoneauth's EndpointNotFound).
  if (err instanceof EndpointNotFoundError && dialect === 'glance' && imageApiVersion === 2) {
    return `${err.iface} endpoint for ${err.serviceType} service${err.region ? ` in ${err.region} region` : ''} not found`;
  }
  if (err instanceof HttpError) {
    if (dialect === 'keystone') return `${err.serverMessage} (HTTP ${err.status})${err.requestId ? ` (Request-ID: ${err.requestId})` : ''}`;
    return err.message;
  }
  if (err instanceof CliError) return err.message;
  if (debug && err instanceof Error && err.stack) return err.stack;
  return messageOf(err);
}

/** One dialect's commander tree, and the command action it calls. */
interface PreparedProgram {
  program: Command;
  /** What the command action reports back to main(). */
  outcome: {
    globals?: GlobalOptions;
    exitCode: number;
    stdout: Stdout;
    /** A help the glance v2 dialect prints in glanceclient's layout (main prints it: its formatter is loaded on demand). */
    argparseHelp?: { command: string; viaHelpCommand: boolean };
    /** Commander's parse error, printed unless the v2 dialect reports argparse's instead. */
    commanderError?: string;
  };
}

/** The glance v2 dialect asked for (flag or environment), as far as the parsed program options tell. */
function asksForV2(program: Command, env: NodeJS.ProcessEnv): boolean {
  const raw: unknown = program.getOptionValue('osImageApiVersion');
  const flag = Array.isArray(raw) ? raw.at(-1) : raw;
  try {
    return imageApiVersion(typeof flag === 'string' ? flag : env.OS_IMAGE_API_VERSION) === 2;
  } catch {
    return false;
  }
}

/** $COLUMNS or the terminal's width, as Python's argparse reads it. */
const columns = async (): Promise<number> =>
  (await import('./cli/argparse/formatter.js')).terminalColumns(process.env, process.stdout.isTTY ? process.stdout.columns : undefined);

/**
 * The program's own help as commander prints it to a pipe or file (80 columns): the build stores it
 * (scripts/command-tables.ts), so `--help` is answered without loading commander (src/entry.ts).
 */
export function programHelp(dialect: Dialect, commands: readonly CommandModule[]): string {
  const program = buildProgram(dialect, VERSION, DESCRIPTIONS[dialect], commands, async () => undefined);
  return program
    .configureHelp({ helpWidth: 80 })
    .configureOutput({ getOutHasColors: () => false })
    .helpInformation();
}

function prepareProgram(dialect: Dialect, commands: readonly CommandModule[]): PreparedProgram {
  const outcome: PreparedProgram['outcome'] = { exitCode: EXIT.ok, stdout: processStdout(false) };
  const program: Command = buildProgram(
    dialect,
    VERSION,
    DESCRIPTIONS[dialect],
    commands,
    async (module, options, output, globalFlags) => {
      const globals = globalsFrom(globalFlags, process.env, dialect);
      outcome.globals = globals;
      const deps = makeDeps(dialect, globals, printOptions(output), outcome.stdout);
      await deps.print.ready();
      outcome.exitCode = (await module.run(options, deps)) ?? 0;
    },
    (command, viaHelpCommand) => {
      // A command of ours (image-seed) has no argparse parser to lay its help out: commander's stands.
      const ours = commands.some((m) => m.spec.notInGlanceclient && (m.spec.name === command || m.spec.aliases?.includes(command)));
      if (dialect !== 'glance' || ours || !asksForV2(program, process.env)) return false;
      outcome.argparseHelp = { command, viaHelpCommand };
      return true;
    },
  );
  // Subcommands were created before this point and do not inherit these settings: set them on each.
  for (const cmd of [program, ...program.commands]) cmd.exitOverride();
  return { program, outcome };
}

export async function main(dialect: Dialect, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0); // `glance image-list | head -1` ends quietly
  });
  const { program, outcome } = prepareProgram(dialect, await commandsFor(dialect, normaliseArgv(argv)));
  outcome.stdout = processStdout(takeStdoutClosed(process.env));
  // process.stderr only when it is a terminal: making the stream costs start-up time.
  const paint = await colours(isatty(2) ? process.stderr : { isTTY: false }, process.env);
  for (const cmd of [program, ...program.commands])
    cmd.configureOutput({
      writeOut: (text) => outcome.stdout.write(text),
      outputError: (text) => (outcome.commanderError = usageErrorText(text, dialect, paint)),
    });
  let parsing = false;
  try {
    // Node shows invalid bytes as U+FFFD: only then are the bytes read back. The user's arguments are
    // the last of the process's (both entry points pass process.argv after the dialect).
    const suspect = argv.length === process.argv.length - 2 && argv.some((arg) => arg.includes('\ufffd'));
    const notUtf8 = suspect ? firstNonUtf8Argument(argv.length) : undefined;
    // Never shown: it may be a password. Its position is enough to find it.
    if (notUtf8 !== undefined) throw new UsageError(`${dialect}: error: argument ${notUtf8} is not valid UTF-8 text; OpenStack names and values are UTF-8.`);
    // glanceclient with no arguments prints its help on stdout and succeeds.
    parsing = true;
    if (argv.length === 0 && dialect === 'glance') program.outputHelp();
    else await program.parseAsync(normaliseArgv(argv), { from: 'user' });
  } catch (err) {
    // A signal's clean-up is under way (the command failed because of it): it reports and exits.
    await signalCleanup();
    const usageFailure = parsing && ((err instanceof CommanderError && err.exitCode !== 0) || err instanceof UsageError);
    // The v2 dialect reports what glanceclient's argparse reports for the same command line, if it refuses it.
    const argparse =
      usageFailure && dialect === 'glance'
        ? (await import('./cli/argparse/glance-v2.js')).argparseUsageError(
            normaliseArgv(argv),
            await columns(),
            asksForV2(program, process.env),
            err instanceof UsageError ? err.message : '',
          )
        : undefined;
    if (argparse !== undefined) {
      if ('stdout' in argparse) outcome.stdout.write(argparse.stdout);
      else process.stderr.write(argparse.stderr);
      outcome.exitCode = 'stdout' in argparse ? EXIT.ok : EXIT.usage;
    } else if (err instanceof CommanderError) {
      if (outcome.commanderError !== undefined) process.stderr.write(outcome.commanderError);
      // --help and --version exit 0; every parse failure is a usage error (argparse's 2).
      outcome.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else {
      outcome.exitCode = err instanceof CliError ? err.exitCode : EXIT.failure;
      process.stderr.write(paint.red(terminalLines(formatError(err, dialect, outcome.globals?.debug ?? false, outcome.globals?.imageApiVersion))) + '\n');
    }
  }
  if (outcome.argparseHelp) {
    const help = (await import('./cli/argparse/glance-v2.js')).v2Help(outcome.argparseHelp, await columns());
    if ('stdout' in help) outcome.stdout.write(help.stdout);
    else process.stderr.write(help.stderr);
    if ('stderr' in help) outcome.exitCode = EXIT.failure;
  }
  await signalCleanup();
  if (outcome.stdout.lost && outcome.exitCode === EXIT.ok) {
    process.stderr.write(`${dialect}: the output was lost: stdout is closed (>&-); redirect it to a file, or to /dev/null to discard it.\n`);
    outcome.exitCode = EXIT.failure;
  }
  // Open connections are not closed one by one: exiting closes them (waiting for each close cost ~2 ms).
  process.exit(outcome.exitCode);
}

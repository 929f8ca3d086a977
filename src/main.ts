// One entry for both commands: the name we are invoked by picks the dialect.
import { isatty } from 'node:tty';
import type { Command } from 'commander';
import type { CommandModule } from './cli/command.js';
import { commandsFor, isLoaded } from './cli/command-table.js';
import type { Dialect } from './cli/deps.js';
import { globalFlagsFor, globalsFrom, type GlobalOptions, imageApiVersion } from './cli/globals.js';
import { makeDeps, stderrWritten } from './cli/make-deps.js';
import type { ReplaySpec } from './cli/replay.js';
import { type PlainCommandLine, plainCommandLine } from './cli/plain-command-line.js';
import { signalCleanup } from './cli/process/interrupt.js';
import type { Action } from './cli/program.js';
import { CliError, EndpointNotFoundError, HttpError, messageOf, UsageError } from './errors.js';
import { colours, type Painter, usageErrorText } from './output/colour.js';
import { printOptions } from './cli/output-flags.js';
import { EXIT } from './exit-codes.js';
import { firstNonUtf8Argument } from './cli/process/argv-bytes.js';
import { exitAfterOutput, onStdoutError, processStdout, type Stdout, takeStdoutClosed } from './cli/process/stdout.js';
import { saveRemembered } from './session/early-request.js';
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

/** What the command action, commander's help hook and commander's errors report back to main(). */
interface Outcome {
  globals?: GlobalOptions;
  exitCode: number;
  stdout: Stdout;
  /** A help the glance v2 dialect prints in glanceclient's layout (main prints it: its formatter is loaded on demand). */
  argparseHelp?: { command: string; viaHelpCommand: boolean };
  /** Commander's parse error, printed unless the v2 dialect reports argparse's instead. */
  commanderError?: string;
}

/** The glance v2 dialect asked for (flag or environment), given --os-image-api-version as parsed (a list: the last wins). */
function asksForV2(raw: unknown, env: NodeJS.ProcessEnv): boolean {
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
export async function programHelp(dialect: Dialect, commands: readonly CommandModule[]): Promise<string> {
  const program = (await import('./cli/program.js')).buildProgram(dialect, VERSION, DESCRIPTIONS[dialect], commands, async () => undefined);
  return program
    .configureHelp({ helpWidth: 80 })
    .configureOutput({ getOutHasColors: () => false })
    .helpInformation();
}

/** Runs the command with what the command line gave it. */
function commandAction(dialect: Dialect, outcome: Outcome): Action {
  return async (module, options, output, globalFlags) => {
    const globals = globalsFrom(globalFlags, process.env, dialect);
    outcome.globals = globals;
    const print = printOptions(output);
    const deps = makeDeps(dialect, globals, print, outcome.stdout);
    await deps.print.ready();
    outcome.exitCode = (await module.run(options, deps)) ?? 0;
    if (outcome.exitCode !== EXIT.ok) return;
    // What the next run with the same inputs needs to print its early answer (src/cli/replay.ts).
    const replay: ReplaySpec | undefined =
      module.spec.replay && !stderrWritten()
        ? { command: module.spec.name, options, print, verbose: globals.verbose, imageApiVersion: globals.imageApiVersion }
        : undefined;
    saveRemembered(replay);
  };
}

/** One dialect's commander tree, for the command lines src/cli/plain-command-line.ts leaves to commander. */
async function prepareProgram(dialect: Dialect, commands: readonly CommandModule[], outcome: Outcome, paint: Painter): Promise<Command> {
  const program: Command = (await import('./cli/program.js')).buildProgram(
    dialect,
    VERSION,
    DESCRIPTIONS[dialect],
    commands,
    commandAction(dialect, outcome),
    (command, viaHelpCommand) => {
      // A command of ours (image-seed) has no argparse parser to lay its help out: commander's stands.
      const ours = commands.some((m) => m.spec.notInGlanceclient && (m.spec.name === command || m.spec.aliases?.includes(command)));
      if (dialect !== 'glance' || ours || !asksForV2(program.getOptionValue('osImageApiVersion'), process.env)) return false;
      outcome.argparseHelp = { command, viaHelpCommand };
      return true;
    },
  );
  // Subcommands were created before this point and do not inherit these settings: set them on each.
  for (const cmd of [program, ...program.commands]) {
    cmd.exitOverride();
    cmd.configureOutput({
      writeOut: (text) => outcome.stdout.write(text),
      outputError: (text) => (outcome.commanderError = usageErrorText(text, dialect, paint)),
    });
  }
  return program;
}

export async function main(dialect: Dialect, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  onStdoutError(dialect);
  const normalised = normaliseArgv(argv);
  const commands = await commandsFor(dialect, normalised);
  const outcome: Outcome = { exitCode: EXIT.ok, stdout: processStdout(takeStdoutClosed(process.env)) };
  // process.stderr only when it is a terminal: making the stream costs start-up time.
  const paint = await colours(isatty(2) ? process.stderr : { isTTY: false }, process.env);
  let plain: PlainCommandLine | undefined;
  let program: Command | undefined;
  let parsing = false;
  try {
    // Node shows invalid bytes as U+FFFD: only then are the bytes read back. The user's arguments are
    // the last of the process's (both entry points pass process.argv after the dialect).
    const suspect = argv.length === process.argv.length - 2 && argv.some((arg) => arg.includes('\ufffd'));
    const notUtf8 = suspect ? firstNonUtf8Argument(argv.length) : undefined;
    // Never shown: it may be a password. Its position is enough to find it.
    if (notUtf8 !== undefined) throw new UsageError(`${dialect}: error: argument ${notUtf8} is not valid UTF-8 text; OpenStack names and values are UTF-8.`);
    // A plain command line names the command the table found: only its module is looked at.
    plain = argv.length > 0 && commands.invoked ? plainCommandLine(normalised, globalFlagsFor(dialect), [commands.invoked], isLoaded) : undefined;
    if (plain) {
      parsing = true;
      await commandAction(dialect, outcome)(plain.module, plain.options, plain.output, plain.globals);
    } else {
      program = await prepareProgram(dialect, commands.all(), outcome, paint);
      parsing = true;
      // glanceclient with no arguments prints its help on stdout and succeeds.
      if (argv.length === 0 && dialect === 'glance') program.outputHelp();
      else await program.parseAsync(normalised, { from: 'user' });
    }
  } catch (err) {
    // A signal's clean-up is under way (the command failed because of it): it reports and exits.
    await signalCleanup();
    const commanderError = program && err instanceof (await import('commander')).CommanderError ? err : undefined;
    const usageFailure = parsing && ((commanderError !== undefined && commanderError.exitCode !== 0) || err instanceof UsageError);
    // The v2 dialect reports what glanceclient's argparse reports for the same command line, if it refuses it.
    const argparse =
      usageFailure && dialect === 'glance'
        ? (await import('./cli/argparse/glance-v2.js')).argparseUsageError(
            normalised,
            await columns(),
            asksForV2(program ? program.getOptionValue('osImageApiVersion') : plain?.imageApiVersion, process.env),
            err instanceof UsageError ? err.message : '',
          )
        : undefined;
    if (argparse !== undefined) {
      if ('stdout' in argparse) outcome.stdout.write(argparse.stdout);
      else process.stderr.write(argparse.stderr);
      outcome.exitCode = 'stdout' in argparse ? EXIT.ok : EXIT.usage;
    } else if (commanderError) {
      if (outcome.commanderError !== undefined) process.stderr.write(outcome.commanderError);
      // --help and --version exit 0; every parse failure is a usage error (argparse's 2).
      outcome.exitCode = commanderError.exitCode === 0 ? EXIT.ok : EXIT.usage;
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
  exitAfterOutput(outcome.exitCode);
}

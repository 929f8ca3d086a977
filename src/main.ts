// One entry for both commands: the name we are invoked by picks the dialect.
import { CommanderError } from 'commander';
import type { CommandModule } from './cli/command.js';
import type { Dialect } from './cli/deps.js';
import { globalsFrom, type GlobalOptions } from './cli/globals.js';
import { makeDeps } from './cli/make-deps.js';
import { buildProgram } from './cli/program.js';
import { CliError, HttpError } from './errors.js';
import { colours, usageErrorText } from './output/colour.js';
import { printOptionsFrom } from './output/printer.js';

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

export function formatError(err: unknown, dialect: Dialect, debug: boolean): string {
  if (err instanceof HttpError) {
    if (dialect === 'keystone') return `${err.serverMessage} (HTTP ${err.status})${err.requestId ? ` (Request-ID: ${err.requestId})` : ''}`;
    return err.message;
  }
  if (err instanceof CliError) return err.message;
  if (debug && err instanceof Error && err.stack) return err.stack;
  return err instanceof Error ? err.message : String(err);
}

export async function main(dialect: Dialect, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0); // `glance image-list | head -1` ends quietly
  });
  // Each dialect loads only its own commands.
  const commands: readonly CommandModule[] =
    dialect === 'glance' ? (await import('./cli/glance/index.js')).glanceCommands : (await import('./cli/keystone/index.js')).keystoneCommands;
  let globals: GlobalOptions | undefined;
  let exitCode = 0;
  let closeSession = async (): Promise<void> => undefined;
  const program = buildProgram(dialect, VERSION, DESCRIPTIONS[dialect], commands, async (module, opts, args, globalOpts) => {
    globals = globalsFrom(globalOpts, process.env);
    const options = module.parse({ opts, args });
    const { deps, close } = makeDeps(dialect, globals, printOptionsFrom(opts, module.spec.output));
    closeSession = close;
    await deps.print.ready();
    exitCode = (await module.run(options, deps)) ?? 0;
  });
  const paint = await colours(process.stderr, process.env);
  // Subcommands were created before this point and do not inherit these settings: set them on each.
  for (const cmd of [program, ...program.commands]) {
    cmd.exitOverride();
    cmd.configureOutput({ outputError: (text, write) => write(usageErrorText(text, dialect, paint)) });
  }
  try {
    await program.parseAsync(normaliseArgv(argv), { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; every parse failure is a usage error (argparse's 2).
      exitCode = err.exitCode === 0 ? 0 : 2;
    } else {
      exitCode = err instanceof CliError ? err.exitCode : 1;
      process.stderr.write(paint.red(formatError(err, dialect, globals?.debug ?? false)) + '\n');
    }
  }
  await Promise.race([closeSession(), new Promise((r) => setTimeout(r, 100))]);
  process.exit(exitCode);
}

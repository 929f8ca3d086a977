// The composition root: real dependencies for a command run from the shell. The only place (with
// main.ts and src/cli/process/) that touches the process's stdio, terminal and signals. The HTTP
// stack is imported only when a command first asks for a session, so --help and usage errors never load it.
import { isatty } from 'node:tty';
import { CliError } from '../errors.js';
import { Printer, type PrintOptions } from '../output/printer.js';
import { processStdout, type Stdout, usedStdout } from './process/stdout.js';
import { progressBar } from '../output/progress.js';
import { statusLines } from '../output/status-lines.js';
import { terminalLines, terminalText } from '../output/terminal-text.js';
import type { Session } from '../session/session.js';
import type { SessionConfig } from '../session/factory.js';
import type { Deps, Dialect } from './deps.js';
import { dialectStyle } from './dialect-style.js';
import { glanceDialect } from './glance/dialect.js';
import type { GlobalOptions } from './globals.js';
import { onInterrupt } from './process/interrupt.js';
import { promptSecret } from './process/prompt.js';
import { startSpinner } from './process/spinner.js';
import { stdinData } from './process/stdin-data.js';

/** Whether anything was written to stderr through deps: a run that warned is not printed again from its answer alone (replay.ts). */
let wroteToStderr = false;

export function stderrWritten(): boolean {
  return wroteToStderr;
}

/** What the session layer needs from the command line and the terminal. */
export function sessionConfig(globals: GlobalOptions, deps: Pick<Deps, 'dialect' | 'env' | 'stderr' | 'notice' | 'tty' | 'promptSecret'>): SessionConfig {
  return {
    flags: globals.credentialFlags,
    env: deps.env,
    rcPath: globals.rcPath,
    cloud: globals.cloud,
    warn: (message) => deps.notice(message),
    promptPassword: deps.tty.stdin ? () => deps.promptSecret('OS Password: ') : undefined,
    trace: globals.debug ? (line) => deps.stderr.write(terminalText(line) + '\n') : undefined,
    // The v2 dialect prints Glance's errors byte for byte as glanceclient does.
    session: { glanceclientErrors: deps.dialect === 'glance' && globals.imageApiVersion === 2 },
  };
}

export function makeDeps(dialect: Dialect, globals: GlobalOptions, printOptions: PrintOptions, stdout: Stdout = processStdout(false)): Deps {
  let session: Promise<Session> | undefined;
  const stderr = {
    write: (text: string) => {
      wroteToStderr = true;
      process.stderr.write(text);
    },
  };
  // isatty(), not the streams' isTTY: making a stdio stream costs start-up time (stdin's loads
  // Node's fs streams), and most commands never read stdin nor write to stderr.
  const tty = { stdin: isatty(0), stdout: isatty(1), stderr: isatty(2) };
  const deps: Deps = {
    dialect,
    glance: glanceDialect(globals.imageApiVersion),
    globals,
    stdout,
    stderr,
    notice: (text) => stderr.write(terminalLines(text) + '\n'),
    get rawStdout() {
      if (stdout.closed) throw new CliError('stdout is closed (>&-), so the image data has nowhere to go: give --file FILE, or redirect stdout.');
      return usedStdout();
    },
    stdinData: () => stdinData(tty.stdin),
    tty,
    env: process.env,
    print: new Printer(stdout, dialectStyle(dialect), printOptions),
    session: () => {
      session ??= import('../session/factory.js').then((m) => m.createSession(sessionConfig(globals, deps)));
      return session;
    },
    identity: async () => new (await import('../api/identity/index.js')).IdentityApi(await deps.session()),
    image: async () => new (await import('../api/image/index.js')).ImageApi(await deps.session()),
    images: async () => new (await import('../api/image/images.js')).ImagesApi(await deps.session()),
    promptSecret: (question) => promptSecret(question, tty.stdin),
    progress: (enabled, total) => progressBar(stderr, enabled && tty.stderr, total),
    statusLines: (count) =>
      statusLines(stderr, tty.stderr, count, (tty.stderr && process.stderr.columns) || undefined, (tty.stderr && process.stderr.rows) || undefined),
    spinner: async (text) => (tty.stderr ? startSpinner(text, process.stderr) : undefined),
    onInterrupt: (cleanup) => onInterrupt(cleanup, process.stderr),
  };
  return deps;
}

// Real dependencies for a command run from the shell. The HTTP stack is imported only when a
// command first asks for a session, so --help and usage errors never load it.
import { isatty } from 'node:tty';
import type { Session } from '../session/session.js';
import { Printer, type PrintOptions } from '../output/printer.js';
import { plainText, type TableStyle } from '../output/views.js';
import type { Deps, Dialect } from './deps.js';
import type { GlobalOptions } from './globals.js';
import { promptSecret } from './prompt.js';

export function dialectStyle(dialect: Dialect): TableStyle {
  // keystoneclient built its tables with print_empty=False: no rows, one empty line.
  return dialect === 'keystone' ? { align: 'center', text: plainText, printEmpty: false } : { align: 'left', text: plainText };
}

export function makeDeps(dialect: Dialect, globals: GlobalOptions, printOptions: PrintOptions): Deps {
  let session: Promise<Session> | undefined;
  const stdout = { write: (text: string) => void process.stdout.write(text) };
  const stderr = { write: (text: string) => void process.stderr.write(text) };
  // isatty(), and stdin by a getter: making a stdio stream costs start-up time (stdin's loads Node's
  // fs streams), and most commands never read stdin nor write to stderr.
  const tty = { stdin: isatty(0), stdout: isatty(1), stderr: isatty(2) };
  const deps: Deps = {
    dialect,
    globals,
    stdout,
    stderr,
    get stdin() {
      return process.stdin;
    },
    tty,
    env: process.env,
    print: new Printer(stdout, dialectStyle(dialect), printOptions),
    session: () => {
      session ??= import('../session/factory.js').then((m) => m.createSession(globals, process.env, deps));
      return session;
    },
    identity: async () => new (await import('../api/identity/index.js')).IdentityApi(await deps.session()),
    image: async () => new (await import('../api/image/index.js')).ImageApi(await deps.session()),
    promptSecret: (question) => promptSecret(question, tty.stdin),
  };
  return deps;
}

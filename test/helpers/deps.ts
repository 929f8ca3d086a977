// Deps for calling a command's run() directly, with captured output and a REAL session
// on the local cloud (or none, for commands that must not touch the network).
import { PassThrough, Readable } from 'node:stream';
import { terminalLines } from '../../src/output/terminal-text.js';
import { glanceDialect } from '../../src/cli/glance/dialect.js';
import type { Deps, Dialect } from '../../src/cli/deps.js';
import { globalsFrom, type GlobalOptions } from '../../src/cli/globals.js';
import { dialectStyle } from '../../src/cli/dialect-style.js';
import { sessionConfig } from '../../src/cli/make-deps.js';
import { IdentityApi } from '../../src/api/identity/index.js';
import { ImagesApi } from '../../src/api/image/images.js';
import { ImageApi } from '../../src/api/image/index.js';
import { Printer, type PrintOptions } from '../../src/output/printer.js';
import { createSession } from '../../src/session/factory.js';
import type { Session } from '../../src/session/session.js';
import { adminEnv } from './cloud.js';
import { CACHE_HOME } from './cli.js';

export interface TestDeps extends Deps {
  out(): string;
  err(): string;
}

export interface TestDepsOptions {
  dialect?: Dialect;
  globals?: Partial<GlobalOptions>;
  env?: Record<string, string>;
  print?: PrintOptions;
  stdin?: string | Buffer;
}

export function makeTestDeps(options: TestDepsOptions = {}): TestDeps {
  const dialect = options.dialect ?? 'glance';
  const env: NodeJS.ProcessEnv = { XDG_CACHE_HOME: CACHE_HOME, HOME: process.env.HOME, ...(options.env ?? adminEnv()) };
  const globals: GlobalOptions = { ...globalsFrom({}, env, dialect), ...options.globals };
  let stdout = '';
  let stderr = '';
  const out = { write: (t: string) => void (stdout += t) };
  const err = { write: (t: string) => void (stderr += t) };
  let session: Promise<Session> | undefined;
  const deps: TestDeps = {
    dialect,
    globals,
    stdout: out,
    stderr: err,
    notice: (text) => err.write(terminalLines(text) + '\n'),
    glance: glanceDialect(globals.imageApiVersion),
    rawStdout: new PassThrough(),
    stdinData: () => (options.stdin === undefined ? undefined : { open: () => Readable.from([options.stdin!]) }),
    tty: { stdin: false, stdout: false, stderr: false },
    env,
    print: new Printer(out, dialectStyle(dialect), options.print),
    session: () => (session ??= createSession(sessionConfig(globals, deps))),
    identity: async () => new IdentityApi(await deps.session()),
    image: async () => new ImageApi(await deps.session()),
    images: async () => new ImagesApi(await deps.session()),
    promptSecret: async () => {
      throw new Error('no terminal in tests');
    },
    progress: () => ({ advance: () => undefined, done: () => undefined }),
    statusLines: () => ({ set: () => undefined, done: () => undefined }),
    spinner: async () => undefined,
    onInterrupt: () => () => undefined,
    out: () => stdout,
    err: () => stderr,
  };
  return deps;
}

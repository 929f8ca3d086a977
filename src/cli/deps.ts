// What a command may touch. Real ones come from makeDeps(); tests build their own.
import type { IdentityApi } from '../api/identity/index.js';
import type { ImageApi } from '../api/image/index.js';
import type { Printer, Writer } from '../output/printer.js';
import type { Session } from '../session/session.js';
import type { GlobalOptions } from './globals.js';

export type Dialect = 'glance' | 'keystone';

export interface Deps {
  dialect: Dialect;
  globals: GlobalOptions;
  stdout: Writer;
  stderr: Writer;
  /** Image data source for commands that take stdin (only when it really is a pipe or file). */
  stdin: NodeJS.ReadableStream;
  tty: { stdin: boolean; stdout: boolean; stderr: boolean };
  env: NodeJS.ProcessEnv;
  print: Printer;
  session(): Promise<Session>;
  identity(): Promise<IdentityApi>;
  image(): Promise<ImageApi>;
  /** Reads a line at the terminal without echo; rejects when there is no terminal. */
  promptSecret(question: string): Promise<string>;
}

// What a command may touch. Every byte in or out and every process-wide hook (signals, the
// terminal) is a member here: real ones come from makeDeps() (the composition root), tests build their own.
import type { Readable } from 'node:stream';
import type { IdentityApi } from '../api/identity/index.js';
import type { ImagesApi } from '../api/image/images.js';
import type { ImageApi } from '../api/image/index.js';
import type { Printer, Writer } from '../output/printer.js';
import type { Progress } from '../output/progress.js';
import type { StatusLines } from '../output/status-lines.js';
import type { Session } from '../session/session.js';
import type { GlanceDialect } from './glance/dialect.js';
import type { GlobalOptions } from './globals.js';

export type Dialect = 'glance' | 'keystone';

/** Data waiting on stdin: a pipe, socket or redirected file (never a terminal or a closed stdin). */
export interface StdinData {
  /** Known when stdin is a regular file. */
  size?: number;
  open(): Readable;
}

/** A clean-up to run when the process is interrupted; the returned function unregisters it. */
export type Cleanup = () => Promise<void> | void;

export interface Spinner {
  update(text: string): void;
  succeed(text: string): void;
  fail(): void;
  stop(): void;
}

export interface Deps {
  dialect: Dialect;
  /** How glance commands find and print images in the chosen output dialect (--os-image-api-version). */
  glance: GlanceDialect;
  globals: GlobalOptions;
  stdout: Writer;
  stderr: Writer;
  /** A message line on stderr for people (it may hold server text): shown terminal-safe. */
  notice(text: string): void;
  /** stdout as a byte stream, for image data (image-download without --file). */
  rawStdout: NodeJS.WritableStream;
  /** Image data on stdin, or undefined when stdin carries none. */
  stdinData(): StdinData | undefined;
  tty: { stdin: boolean; stdout: boolean; stderr: boolean };
  env: NodeJS.ProcessEnv;
  print: Printer;
  session(): Promise<Session>;
  identity(): Promise<IdentityApi>;
  image(): Promise<ImageApi>;
  /** The image API's images resource alone, for a command that needs nothing else of it (image-list): the rest is not loaded. */
  images(): Promise<ImagesApi>;
  /** Reads a line at the terminal without echo; rejects when there is no terminal. */
  promptSecret(question: string): Promise<string>;
  /** glanceclient's transfer bar on stderr, drawn only when asked, on a terminal, with a known total. */
  progress(enabled: boolean, total: number | undefined): Progress;
  /** A block of `count` status lines on stderr, each redrawn in place (terminal only; no-ops elsewhere). */
  statusLines(count: number): StatusLines;
  /** A spinner on stderr while waiting (terminal only; undefined elsewhere). */
  spinner(text: string): Promise<Spinner | undefined>;
  /** Runs the clean-up if the process is interrupted (Ctrl-C) before it is unregistered. */
  onInterrupt(cleanup: Cleanup): () => void;
}

import { EXIT } from './exit-codes.js';

/** An error meant for the user: one line, a fix where there is one, and the exit code it maps to. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The request never got an answer: refused, reset, timed out, TLS failure. */
export class ConnectionError extends CliError {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionError';
  }
}

/** Bad flags or arguments: argparse's exit status. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

/** An HTTP error answer from a service, with the parts the classic clients printed. */
export class HttpError extends CliError {
  /** The server's message on one line: its line breaks shown as `\n`, so a server cannot add lines of its own to ours. */
  readonly serverMessage: string;

  constructor(
    readonly status: number,
    readonly reason: string,
    serverMessage: string,
    readonly requestId: string | undefined,
    readonly url: string,
  ) {
    const oneLine = serverMessage.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
    super(`HTTP ${status} ${reason}: ${oneLine}`);
    this.serverMessage = oneLine;
    this.name = 'HttpError';
  }
}

/** The catalog has no endpoint of that type, interface and region; what was asked for is kept for dialects that word it their own way. */
export class EndpointNotFoundError extends CliError {
  constructor(
    message: string,
    readonly serviceType: string,
    readonly iface: string,
    readonly region: string | undefined,
  ) {
    super(message);
    this.name = 'EndpointNotFoundError';
  }
}

/** What an error says: its message, or the thrown value as text. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

import { CliError } from '../../errors.js';
import { EXIT } from '../../exit-codes.js';
import { terminalText } from '../../output/terminal-text.js';
import { onInterrupt } from './interrupt.js';

/** Reads one line from the terminal without echoing it (as getpass does). */
export async function promptSecret(question: string, stdinIsTTY: boolean): Promise<string> {
  if (!stdinIsTTY) throw new CliError(`${question.replace(/:\s*$/, '')} is needed and there is no terminal to ask: set it in the environment or a flag.`);
  const stdin = process.stdin;
  // No echo from the first keystroke: raw mode goes on before the question is shown.
  stdin.setRawMode(true);
  // SIGTERM or SIGHUP at the prompt must not leave the terminal without echo.
  const forget = onInterrupt(() => void stdin.setRawMode(false), process.stderr);
  process.stderr.write(terminalText(question));
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new CliError('Interrupted.', EXIT.interrupted));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const finish = (): void => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      forget();
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

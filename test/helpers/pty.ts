// Runs the BUILT CLI inside a real pseudo-terminal (util-linux `script`), so password prompts,
// raw mode and echo behave as at a person's terminal. Answers are typed only once their prompt
// has appeared, as a person would.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CACHE_HOME, ROOT, type CliResult } from './cli.js';

export interface PtyAnswer {
  /** Text that must appear on the terminal before `send` is typed. */
  after: string;
  send: string;
}

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

export function runInPty(
  command: 'glance' | 'keystone',
  args: readonly string[],
  options: { env?: Record<string, string>; answers?: readonly PtyAnswer[]; timeoutMs?: number } = {},
): Promise<CliResult> {
  const line = [process.execPath, join(ROOT, 'bin', command), ...args].map(quote).join(' ');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    XDG_CACHE_HOME: CACHE_HOME,
    TERM: 'dumb',
    ...options.env,
  };
  return new Promise((resolvePromise, reject) => {
    // -q: no banner, -f: flush each write, -e: the command's exit status, -c: the command.
    const child = spawn('script', ['-qfec', line, '/dev/null'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    const pending = [...(options.answers ?? [])];
    let typedUpTo = 0;
    const typeWhenPrompted = (): void => {
      const next = pending[0];
      if (!next) return;
      const at = screen.indexOf(next.after, typedUpTo);
      if (at < 0) return;
      typedUpTo = at + next.after.length;
      pending.shift();
      child.stdin.write(next.send);
      typeWhenPrompted();
    };
    child.stdout.on('data', (d: Buffer) => {
      screen += d.toString();
      typeWhenPrompted();
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      // The terminal merges stdout and stderr; `stdout` here is everything the person saw.
      resolvePromise({ code, stdout: screen.replace(/\r\n/g, '\n'), stderr });
    });
  });
}

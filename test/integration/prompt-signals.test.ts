// SIGTERM, SIGHUP or SIGINT while a password prompt has the terminal in raw mode (no echo): the
// terminal gets its echo back and the exit code is 128 + the signal. Through a real pty (script).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_HOME, ROOT } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/** Runs keystone at a password prompt in a pty, signals it there, then reports its exit code and whether echo is on. */
function signalAtPrompt(signal: NodeJS.Signals): Promise<string> {
  const keystone = [process.execPath, join(ROOT, 'bin', 'keystone'), 'tenant-list'].map(quote).join(' ');
  // The inner shell prints its pid and becomes keystone; the outer one reports what it left behind.
  const inner = `echo PID=$$; exec ${keystone}`;
  const line = `sh -c ${quote(inner)}; echo "exit=$?"; stty -a | grep -o -- '-\\?\\becho\\b' | head -1`;
  const { OS_PASSWORD: _, ...env } = adminEnv();
  const child = spawn('script', ['-qfec', line, '/dev/null'], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', XDG_CACHE_HOME: CACHE_HOME, TERM: 'dumb', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  let signalled = false;
  return new Promise((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      screen += d.toString();
      const pid = /PID=(\d+)/.exec(screen)?.[1];
      if (!signalled && pid && screen.includes('OS Password: ')) {
        signalled = true;
        process.kill(Number(pid), signal);
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(screen.replace(/\r\n/g, '\n'));
    });
  });
}

describe.each([
  ['SIGTERM', 143],
  ['SIGHUP', 129],
  ['SIGINT', 130],
] as const)('%s at a password prompt', (signal, code) => {
  it(`restores the echo and exits ${code}`, async () => {
    const screen = await signalAtPrompt(signal);
    expect(screen).toContain(`... terminating (${signal})\n`);
    expect(screen).toContain(`exit=${code}\n`);
    expect(screen).toMatch(/\necho\n$/);
  }, 30_000);
});

// Runs the BUILT CLI (bin/ → dist/) as a subprocess, as a user's shell would: bin/glance itself, so
// through its shell launcher (test/packaging/launcher.test.ts covers the rest).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** OS_* and other variables; the child gets ONLY these plus PATH, HOME and a private cache dir. */
  env?: Record<string, string | undefined>;
  input?: string | Buffer;
  cwd?: string;
  timeoutMs?: number;
}

/** A token cache dir per test file, so tests do not see each other's tokens unless they share it. */
export const CACHE_HOME = mkdtempSync(join(tmpdir(), 'osc-test-cache-'));

export function runCli(command: 'glance' | 'keystone', args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', XDG_CACHE_HOME: CACHE_HOME };
    for (const [k, v] of Object.entries(options.env ?? {})) if (v !== undefined) env[k] = v;
    const child = spawn(join(ROOT, 'bin', command), args, {
      cwd: options.cwd ?? ROOT,
      env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    if (options.input !== undefined) {
      // A command that never reads its stdin may exit before taking it all: EPIPE is then expected.
      child.stdin!.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE') reject(err);
      });
      child.stdin!.end(options.input);
    }
  });
}

/** Splits a grid into its cells, row by row (rules dropped). */
export function gridRows(grid: string): string[][] {
  return grid
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

/** The grid's shape: each line with its cell contents blanked, keeping borders and padding widths. */
export function gridShape(grid: string): string[] {
  return grid
    .split('\n')
    .filter((l) => l !== '')
    .map((line) => line.replace(/[^|+\-\s]/g, 'x'));
}

// python-glanceclient 4.1.0, the reference client, run many times per test file: through
// glanceclient-forks.py (one Python that imports glanceclient once and forks a child per run, the
// same code /usr/bin/glance runs) instead of a new interpreter each time (~1 s of imports a run).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CliResult } from './cli.js';

const SERVER = resolve(import.meta.dirname, 'glanceclient-forks.py');

let started: Promise<string> | undefined;
let server: ChildProcess | undefined;

/** The socket of this test process's fork server, started on first use. */
function socketPath(): Promise<string> {
  started ??= new Promise((resolvePath, reject) => {
    const path = join(mkdtempSync(join(tmpdir(), 'glanceclient-forks-')), 'socket');
    // The environment /usr/bin/glance gets in the tests (no LANG: Python coerces C to UTF-8 the same way).
    const child = spawn('/usr/bin/python3', [SERVER, path], {
      env: { PATH: '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    server = child;
    child.unref();
    (child.stdout as NodeJS.ReadableStream & { unref?: () => void }).unref?.();
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`glanceclient fork server exited (${code}) before it was ready`)));
    child.stdout?.once('data', () => resolvePath(path));
  });
  return started;
}

process.once('exit', () => server?.kill());

/**
 * /usr/bin/glance ARGS with exactly this environment: stdin closed (as `<&-`) unless `input` is
 * given, in which case glanceclient reads it as image data.
 */
export async function runGlanceclient(args: readonly string[], env: Record<string, string>, input?: string | Buffer): Promise<CliResult> {
  const path = await socketPath();
  const request = JSON.stringify({ argv: args, env, stdin: input === undefined ? null : Buffer.from(input).toString('base64') });
  const answer = await new Promise<string>((resolveAnswer, reject) => {
    const chunks: Buffer[] = [];
    const conn = connect(path);
    conn.on('data', (chunk: Buffer) => chunks.push(chunk));
    conn.on('error', reject);
    conn.on('end', () => resolveAnswer(Buffer.concat(chunks).toString()));
    conn.end(request);
  });
  const { code, stdout, stderr } = JSON.parse(answer) as { code: number; stdout: string; stderr: string };
  if (code === -1) throw new Error(`glanceclient fork server: ${Buffer.from(stderr, 'base64').toString()}`);
  return { code, stdout: Buffer.from(stdout, 'base64').toString(), stderr: Buffer.from(stderr, 'base64').toString() };
}

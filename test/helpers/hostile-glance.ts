// A fake Glance (node:http on 127.0.0.1) that misbehaves on purpose: each test sets what GET
// /v2/images answers. It counts requests and records every X-Auth-Token it receives, so a second
// instance can stand for "another origin" that must never see the token.
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CACHE_HOME, ROOT } from './cli.js';

export type Answer = (req: IncomingMessage, res: ServerResponse) => void;

export interface HostileGlance {
  /** http://127.0.0.1:port */
  origin: string;
  /** What the next requests get; the default answers 404. */
  answer: Answer;
  /** Requests received since the last reset, as "METHOD /path?query". */
  requests: string[];
  /** X-Auth-Token values received since the last reset. */
  tokens: string[];
  reset(): void;
  close(): Promise<void>;
}

export function notFound(_req: IncomingMessage, res: ServerResponse): void {
  json(res, 404, { message: 'not here' });
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startHostileGlance(): Promise<HostileGlance> {
  const glance: HostileGlance = {
    origin: '',
    answer: notFound,
    requests: [],
    tokens: [],
    reset() {
      glance.answer = notFound;
      glance.requests.length = 0;
      glance.tokens.length = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server: Server = createServer((req, res) => {
    glance.requests.push(`${req.method} ${req.url}`);
    const token = req.headers['x-auth-token'];
    if (typeof token === 'string') glance.tokens.push(token);
    // A slow or endless answer stops when the client hangs up.
    res.on('error', () => undefined);
    glance.answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  glance.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return glance;
}

export interface MeasuredRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident set of the CLI process (GNU time's %M), in MB. */
  peakMb: number;
  elapsedMs: number;
}

/** Runs bin/glance under /usr/bin/time (its peak RSS), killed after `killAfterMs`. */
export function runMeasured(args: readonly string[], env: Record<string, string>, killAfterMs: number): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn('/usr/bin/time', ['-f', 'PEAK_KB=%M', join(ROOT, 'bin', 'glance'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', XDG_CACHE_HOME: CACHE_HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // A group of its own, so a hang is ended for `time` and the CLI under it together.
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const peak = /PEAK_KB=(\d+)\n?$/.exec(stderr);
      resolve({
        code,
        stdout,
        // GNU time's own lines ("Command exited with non-zero status 1") are not the CLI's.
        stderr: (peak ? stderr.slice(0, peak.index) : stderr).replace(/^Command (exited|terminated) .*\n/m, ''),
        peakMb: peak ? Number(peak[1]) / 1024 : Number.NaN,
        elapsedMs: Date.now() - started,
      });
    });
  });
}

// Runs one command and measures it: wall time from spawn to exit, peak RSS (ru_maxrss via
// /usr/bin/time), CPU time (user + system), minor page faults (ru_minflt of the command and
// everything it ran, /usr/bin/time's %R), exit code, output. Every command goes through the same two wrappers
// (/usr/bin/time and `sh -c 'exec "$@" <&-'`, stdin closed as python-glanceclient needs), so
// their small cost is the same for ours and theirs; with `closeStdin: false` (start-up cases: none
// of their commands reads stdin, which is then /dev/null) the command runs under /usr/bin/time
// alone, since the shell's own ~60 page faults would count as the command's.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratch = mkdtempSync(join(tmpdir(), 'bench-proc-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let serial = 0;

/**
 * @param {string[]} argv command and arguments
 * @param {{ env: Record<string,string>, keepOutput?: boolean, cwd?: string, closeStdin?: boolean }} options
 * @returns {Promise<{ ms: number, rssKB: number, cpuMs: number, minorFaults: number, code: number, stdout: string, stderr: string }>}
 */
export function run(argv, { env, keepOutput = false, cwd, closeStdin = true }) {
  const rssFile = join(scratch, `rss-${serial++}`);
  const wrapped = ['-f', '%M %U %S %R', '-o', rssFile, ...(closeStdin ? ['sh', '-c', 'exec "$@" <&-', 'sh'] : []), ...argv];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', wrapped, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => keepOutput && out.push(d));
    child.stderr.on('data', (d) => err.push(d)); // always kept: failures must be explained
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let [rssKB, user, system, minorFaults] = [NaN, NaN, NaN, NaN];
      try {
        [rssKB, user, system, minorFaults] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
      } catch {}
      resolve({
        ms,
        rssKB,
        cpuMs: Math.round((user + system) * 1000),
        minorFaults,
        code: code ?? -1,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      });
    });
  });
}

/** Like run(), but a non-zero exit is an error naming the command and its stderr. */
export async function runOk(argv, options) {
  const result = await run(argv, options);
  if (result.code !== 0) throw new Error(`${argv.join(' ')} exited ${result.code}: ${result.stderr.trim().split('\n').slice(-5).join(' | ')}`);
  return result;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

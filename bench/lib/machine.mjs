// The machine a result was measured on; the load average says how busy it was.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export function machineInfo() {
  return {
    nproc: Number(execFileSync('nproc').toString().trim()),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    kernel: os.release(),
    node: process.version,
    loadavg: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

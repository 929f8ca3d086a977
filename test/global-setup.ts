// The cloud tiers (integration, packaging: see vitest.config.ts) start (or reuse) the real local cloud.
// If it cannot start, the run fails: no skipping. The unit tier has no global setup and needs no cloud.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup(): void {
  const script = resolve(import.meta.dirname, '../scripts/local-cloud.sh');
  try {
    execFileSync('bash', [script, 'up'], { stdio: ['ignore', 'inherit', 'inherit'], timeout: 900_000 });
  } catch (err) {
    throw new Error(`The local cloud could not start (scripts/local-cloud.sh up failed): ${String(err)}`);
  }
}

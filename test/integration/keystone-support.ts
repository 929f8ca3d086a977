// Shared by the keystone-*.test.ts files: run the built keystone as the runbook's admin, unique
// names, direct API access for setup/cleanup, and the PrettyTable check for every grid printed.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { IdentityApi } from '../../src/api/identity/index.js';
import { renderGrid } from '../../src/output/grid.js';
import { gridRows, runCli, type CliResult } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';
import { makeTestDeps, type TestDeps } from '../helpers/deps.js';

export const unique = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;

export function keystone(args: readonly string[], env: Record<string, string> = adminEnv()): Promise<CliResult> {
  return runCli('keystone', args, { env });
}

/** Runs, expects exit 0 and nothing on stderr, returns stdout. */
export async function ok(args: readonly string[], env?: Record<string, string>): Promise<string> {
  const r = await keystone(args, env);
  expect(r.stderr, `keystone ${args.join(' ')}`).toBe('');
  expect(r.code, `keystone ${args.join(' ')}`).toBe(0);
  return r.stdout;
}

export const keystoneDeps = (): TestDeps => makeTestDeps({ dialect: 'keystone' });
export const api = (): Promise<IdentityApi> => keystoneDeps().identity();

/** Property → Value of a printed record. */
export function record(stdout: string): Record<string, string> {
  const rows = gridRows(stdout);
  expect(rows[0]).toEqual(['Property', 'Value']);
  return Object.fromEntries(rows.slice(1).map(([k, v]) => [k!, v!]));
}

/** Data rows of a printed list, after checking its header. */
export function listRows(stdout: string, header: string[]): string[][] {
  const rows = gridRows(stdout);
  expect(rows[0]).toEqual(header);
  return rows.slice(1);
}

/** Every grid in the output is exactly what PrettyTable prints, centred, for its own cells. */
export function expectCentredGrids(stdout: string): void {
  const lines = stdout.split('\n');
  let grid: string[] = [];
  let grids = 0;
  const check = (): void => {
    if (grid.length === 0) return;
    const rows = grid
      .filter((l) => l.startsWith('|'))
      .map((l) =>
        l
          .slice(1, -1)
          .split('|')
          .map((c) => c.trim()),
      );
    expect(renderGrid(rows[0]!, rows.slice(1), { align: 'center' }).split('\n')).toEqual(grid);
    grids += 1;
    grid = [];
  };
  for (const line of lines) {
    if (/^[+|]/.test(line)) grid.push(line);
    else check();
  }
  check();
  expect(grids).toBeGreaterThan(0);
}

/** Cleanup steps, run last-first; a failing step does not stop the others. */
export class Cleanup {
  private steps: Array<() => Promise<unknown>> = [];
  add(step: () => Promise<unknown>): void {
    this.steps.push(step);
  }
  async run(): Promise<void> {
    for (const step of this.steps.reverse()) await step().catch(() => undefined);
    this.steps = [];
  }
}

// Three tiers, each a vitest project (`npx vitest run` runs all; `--project NAME` runs one):
// - unit: no cloud, no dist/; files in parallel, in threads reused across files (threads.isolate: false halves
//   the tier's time; a file that mocks a module calls vi.resetModules() first: see file-chunks.test.ts).
// - integration: the built CLI against the real local cloud (global setup starts it, or the run fails).
// - packaging: the npm package, the single executable, the launcher and what the bundle loads.
// The cloud tiers share one cloud (one SQLite): their files run one at a time, in one fork, and the
// tiers one after the other (groupOrder), after the unit tier.
import { defineConfig } from 'vitest/config';

const oneFileAtATime = { pool: 'forks', poolOptions: { forks: { singleFork: true } } } as const;

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Worker reuse is a root option; only the unit tier runs in threads, so only it shares workers.
    poolOptions: { threads: { isolate: false } },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], pool: 'threads', sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          sequence: { groupOrder: 1 },
          ...oneFileAtATime,
        },
      },
      {
        extends: true,
        test: {
          name: 'packaging',
          include: ['test/packaging/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          sequence: { groupOrder: 2 },
          ...oneFileAtATime,
        },
      },
    ],
  },
});

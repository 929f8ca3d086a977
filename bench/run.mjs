#!/usr/bin/env node
// `npm run bench`: ours (the BUILT CLI, bin/glance as installed) against python-glanceclient 4.1.0,
// python-openstackclient and curl on the local cloud. Alternating runs, several rounds, medians,
// ratios ours/theirs, a table on stdout and JSON under bench/results/.
//
//   npm run bench                      full run (a few minutes)
//   npm run bench -- --quick           fewer rounds, 256 MiB transfers (also BENCH_QUICK=1)
//   npm run bench -- --only=startup    cases whose id or group starts with a word (comma list)
//   npm run bench -- --no-build        measure the current dist/ as it is
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloudInfo, passwordHashSetting, STATE_DIR } from './lib/cloud.mjs';
import { machineInfo } from './lib/machine.mjs';
import { render } from './lib/report.mjs';
import { prepare } from './lib/setup.mjs';
import { startupCases, requestCounts } from './cases/startup.mjs';
import { transferCases, rssCase } from './cases/transfer.mjs';
import { listingCases } from './cases/listing.mjs';
import { seedCase } from './cases/seed.mjs';
import { measure } from './lib/measure.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick') || process.env.BENCH_QUICK === '1';
const only = (args.find((a) => a.startsWith('--only='))?.slice(7) ?? process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const config = {
  quick,
  startupRounds: Number(process.env.BENCH_ROUNDS ?? (quick ? 4 : 12)),
  // 5: a transfer's first sample is often its slowest (a cold path), and 3 let one odd sample move the median.
  transferRounds: Number(process.env.BENCH_TRANSFER_ROUNDS ?? (quick ? 1 : 5)),
  transferBytes: (quick ? 256 : 1024) * 1024 * 1024,
  rssBytes: quick ? [256, 1024].map((m) => m * 1024 * 1024) : [1024, 4096].map((m) => m * 1024 * 1024),
  listingRounds: Number(process.env.BENCH_LISTING_ROUNDS ?? (quick ? 1 : 3)),
  seedRounds: Number(process.env.BENCH_SEED_ROUNDS ?? (quick ? 1 : 5)),
};
const selected = (item) => only.length === 0 || only.some((word) => item.id.startsWith(word) || item.group === word);

const started = new Date();
const env = await prepare(root, { build: !args.includes('--no-build') });
const hash = passwordHashSetting();
const cloud = cloudInfo();
console.log(`Keystone password hashing: ${hash.algorithm}, password_hash_rounds = ${hash.rounds} (${STATE_DIR}/keystone/keystone.conf)`);
console.log(
  `Ours: ${env.work}/cli/bin/{glance,keystone} (private copy of the build of ${env.commit}); rounds ${config.startupRounds} start-up / ${config.transferRounds} transfer${quick ? ' (quick)' : ''}\n`,
);

const results = [];
try {
  for (const item of startupCases(env)) if (selected(item)) results.push(await measure(item, config.startupRounds, env.log));
  if (selected({ id: 'upload', group: 'transfer' }) || selected({ id: 'download', group: 'transfer' })) {
    for (const item of await transferCases(env, config)) if (selected(item)) results.push(await measure(item, config.transferRounds, env.log));
  }
  if (selected({ id: 'rss', group: 'rss' })) results.push(await rssCase(env, config));
  if (selected({ id: 'requests', group: 'requests' })) results.push(await requestCounts(env));
  if (selected({ id: 'listing', group: 'listing' })) results.push(...(await listingCases(env, config)));
  if (selected({ id: 'seed', group: 'seed' })) results.push(await seedCase(env, config));
} finally {
  await env.cleanup();
}

const report = {
  started: started.toISOString(),
  finished: new Date().toISOString(),
  machine: machineInfo(),
  cloud: { keystone: cloud.keystone_url, glance: cloud.glance_url, passwordHash: hash },
  ours: { commit: env.commit, cli: 'bin/glance / bin/keystone (bundled dist/)' },
  reference: env.reference,
  config,
  results,
};
// Written before it is rendered: a run is minutes of measuring, and a fault in the report must not lose it.
const dir = join(root, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${started.toISOString().replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`);
writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
console.log(render(report));
console.log(`\nJSON: ${file}`);

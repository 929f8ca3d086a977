#!/usr/bin/env node
// Builds the V8 start-up snapshot that bin/glance and bin/keystone start from: runs the CommonJS
// bundle of src/startup/snapshot.ts (dist/snapshot/cli.cjs) under `node --build-snapshot`, then records which
// Node built it (dist/snapshot/node): a snapshot loads only in the Node binary that made it, and
// the launchers fall back to plain JavaScript for any other. scripts/build.mjs calls buildSnapshot()
// and ships this file as dist/snapshot/build.mjs, which the package's postinstall runs:
//   node dist/snapshot/build.mjs --optional dist   on failure, say why and exit 0
//   node scripts/snapshot.mjs dist                 on failure, fail loudly
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function buildSnapshot(dist) {
  const dir = join(dist, 'snapshot');
  const bundle = join(dir, 'cli.cjs');
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build`);
  const blob = join(dir, 'cli.blob');
  const partial = `${blob}.${process.pid}`;
  // --no-warnings: Node warns that some built-ins (async_hooks, for undici) are "not yet fully
  // verified" in snapshots; the whole test suite runs through the snapshot.
  const run = spawnSync(process.execPath, ['--no-warnings', '--snapshot-blob', partial, '--build-snapshot', bundle], { encoding: 'utf8' });
  if (run.status !== 0) {
    rmSync(partial, { force: true });
    throw new Error(`node --build-snapshot failed (exit ${run.status}): ${(run.stderr || '').trim().split('\n').slice(-3).join(' | ')}`);
  }
  // The blob first, the stamp last: a launcher that reads the stamp finds the blob complete.
  renameSync(partial, blob);
  writeFileSync(join(dir, 'node'), `${process.execPath}\n`);
  return blob;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const optional = args.includes('--optional');
  const dist = args.find((a) => !a.startsWith('--'));
  try {
    if (dist === undefined) throw new Error('usage: node snapshot.mjs [--optional] DIST');
    buildSnapshot(resolve(dist));
  } catch (err) {
    if (!optional) throw err;
    console.error(`openstack-classic-cli: no start-up snapshot (${err.message}); glance and keystone run as plain JavaScript.`);
  }
}

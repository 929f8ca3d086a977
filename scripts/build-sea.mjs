#!/usr/bin/env node
// Node single-executable build: dist-sea/openstack-classic (one file, no node_modules) and the
// symlinks glance and keystone next to it. Steps: esbuild CommonJS bundle of scripts/sea-entry.ts
// (src/main.ts and every dependency inlined), `node --experimental-sea-config` to make the blob,
// a copy of this node binary, postject to inject the blob.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { inject } from 'postject';
import { builtinImportAsRequire, lazyBuiltins } from './esbuild-plugins.mjs';

const root = new URL('..', import.meta.url);
const out = new URL('dist-sea/', root);
const path = (name) => new URL(name, out).pathname;
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [new URL('scripts/sea-entry.ts', root).pathname],
  outfile: path('sea.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  define: { __VERSION__: JSON.stringify(pkg.version) },
  plugins: [lazyBuiltins, builtinImportAsRequire],
  logLevel: 'warning',
});
writeFileSync(path('sea-config.json'), JSON.stringify({ main: path('sea.cjs'), output: path('sea.blob'), disableExperimentalSEAWarning: true }));
execFileSync(process.execPath, ['--experimental-sea-config', path('sea-config.json')], { stdio: 'inherit' });

const exe = path('openstack-classic');
copyFileSync(process.execPath, exe);
chmodSync(exe, 0o755);
await inject(exe, 'NODE_SEA_BLOB', readFileSync(path('sea.blob')), { sentinelFuse: 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2' });
for (const name of ['glance', 'keystone']) symlinkSync('openstack-classic', path(name));
for (const name of ['sea.cjs', 'sea.blob', 'sea-config.json']) rmSync(path(name));
console.error(`built ${exe} (+ glance, keystone symlinks)`);

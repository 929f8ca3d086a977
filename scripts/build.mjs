// Bundles src/main.ts into dist/ with code splitting, so start-up loads only what a command needs
// (README, "Start-up"): the table of commands (scripts/command-tables.ts) is built in, and a run
// loads the module of its own command alone.
// Builds into a fresh directory and swaps it in, so a CLI run (a test, the bench) never meets a
// half-written dist/. `--outdir DIR` builds elsewhere (the bench builds its own private copy).
import { build } from 'esbuild';
import { lazyBuiltins } from './esbuild-plugins.mjs';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--outdir');
const outdir = resolve(at > 0 ? process.argv[at + 1] : resolve(root, 'dist'));
const fresh = `${outdir}.building-${process.pid}`;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  minifySyntax: true,
  plugins: [lazyBuiltins],
  logLevel: 'warning',
  format: 'esm',
  // Some CommonJS dependencies call require() for Node built-ins.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};
try {
  const tablesFile = `${fresh}-tables.mjs`;
  await build({ ...common, entryPoints: ['scripts/command-tables.ts'], outfile: tablesFile });
  const { tables, helps } = await import(tablesFile);
  rmSync(tablesFile);
  await build({
    ...common,
    define: {
      __VERSION__: JSON.stringify(pkg.version),
      __COMMAND_TABLES__: JSON.stringify(JSON.stringify(tables)),
      __PROGRAM_HELP__: JSON.stringify(JSON.stringify(helps)),
    },
    entryPoints: ['src/entry.ts'],
    outdir: fresh,
    splitting: true,
  });
  rmSync(outdir, { recursive: true, force: true });
  renameSync(fresh, outdir);
} finally {
  rmSync(fresh, { recursive: true, force: true });
  rmSync(`${fresh}-tables.mjs`, { force: true });
}

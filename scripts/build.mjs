// Bundles src/main.ts into dist/ with code splitting, so start-up loads only what a command needs
// (README, "Start-up"): the table of commands (scripts/command-tables.ts) is built in, and a run
// loads the module of its own command alone. esbuild splits ES modules only; each file is then
// turned into CommonJS (.cjs), which Node loads touching fewer pages (no ES module loader).
// Builds into a fresh directory and swaps it in, so a CLI run (a test, the bench) never meets a
// half-written dist/. `--outdir DIR` builds elsewhere (the bench builds its own private copy).
import { build, transform } from 'esbuild';
import { lazyBuiltins } from './esbuild-plugins.mjs';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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
};

// A dynamic import() becomes a require() in a promise, so a chunk still loads only when first asked
// for; "use strict" keeps the semantics the code had as ES modules.
const TRANSFORM = {
  banner: '"use strict";',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
};

/** Each ES module file of the split build in dir becomes NAME.cjs, its imports of the others require() calls. */
async function toCommonJs(dir) {
  const names = new Set(readdirSync(dir));
  for (const name of names) {
    const esm = readFileSync(join(dir, name), 'utf8').replace(/(["'])\.\/([\w.-]+\.js)\1/g, (spec, quote, file) =>
      names.has(file) ? `${quote}./${file.replace(/\.js$/, '.cjs')}${quote}` : spec,
    );
    const { code } = await transform(esm, { ...TRANSFORM, sourcefile: name });
    writeFileSync(join(dir, name.replace(/\.js$/, '.cjs')), code);
    rmSync(join(dir, name));
  }
}

try {
  const tablesFile = `${fresh}-tables.mjs`;
  // Imported here as an ES module: some CommonJS dependencies call require() for Node built-ins.
  const banner = { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" };
  await build({ ...common, banner, entryPoints: ['scripts/command-tables.ts'], outfile: tablesFile });
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
  await toCommonJs(fresh);
  rmSync(outdir, { recursive: true, force: true });
  renameSync(fresh, outdir);
} finally {
  rmSync(fresh, { recursive: true, force: true });
  rmSync(`${fresh}-tables.mjs`, { force: true });
}

// Bundles src/main.ts into dist/ with code splitting, so start-up loads only what a command needs
// (README, "Start-up"): the table of commands (scripts/command-tables.ts) is built in, and a run
// loads the module of its own command alone. esbuild splits ES modules only; each file is then
// turned into CommonJS (.cjs), which Node loads touching fewer pages (no ES module loader).
// Builds into a fresh directory and swaps it in, so a CLI run (a test, the bench) never meets a
// half-written dist/. `--outdir DIR` builds elsewhere (the bench builds its own private copy).
import { build, transform } from 'esbuild';
import { lazyBuiltins } from './esbuild-plugins.mjs';
import { createHash } from 'node:crypto';
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
  minifyWhitespace: true,
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
};

// Chunks always loaded together on the common paths, each set merged into one file: a file costs about
// 5 minor faults to find, read and compile on top of its code (README, "Start-up"). entry.cjs holds
// the entry and all it imports statically (--help, --version), loaded by require; each path file what
// these modules import statically, less what an earlier set holds.
const ENTRY = 'entry.cjs';
const LOAD_PATH = 'load-path.cjs';
const PATHS = [
  ['ahead', ['src/session/send-ahead.ts']],
  ['early', ['src/session/early-request.ts']],
  ['answer', ['src/session/early-answer.ts', 'src/cli/replayed-output.ts', 'src/http/wire.ts']],
  ['replay', ['src/cli/replay.ts', 'src/cli/glance/commands/image-list.ts']],
  ['core', ['src/main.ts', 'src/session/factory.ts']],
  ['glance', ['src/cli/glance/loaders.ts', 'src/api/image/images.ts']],
  ['keystone', ['src/cli/keystone/loaders.ts', 'src/api/identity/index.ts', 'src/cli/keystone/commands/tenant-list.ts']],
];

/** Which ES module file of the split build goes into which group file, entry.cjs or path-NAME.cjs (esbuild's metafile). */
function pathGroups(metafile) {
  const outputs = Object.fromEntries(Object.entries(metafile.outputs).map(([out, info]) => [out.replace(/.*\//, ''), info]));
  const byEntry = Object.fromEntries(
    Object.entries(outputs)
      .filter(([, info]) => info.entryPoint)
      .map(([name, info]) => [info.entryPoint, name]),
  );
  const closure = (name, seen = new Set()) => {
    if (seen.has(name)) return seen;
    seen.add(name);
    for (const { path, kind } of outputs[name].imports) if (kind === 'import-statement' && !path.startsWith('node:')) closure(path.replace(/.*\//, ''), seen);
    return seen;
  };
  const taken = closure('entry.js');
  const groups = new Map([...taken].map((name) => [name, ENTRY]));
  for (const [group, entries] of PATHS) {
    for (const entry of entries) {
      if (!byEntry[entry]) throw new Error(`build: ${entry} is no longer a chunk of its own: update PATHS in scripts/build.mjs`);
      for (const name of closure(byEntry[entry])) {
        if (taken.has(name)) continue;
        taken.add(name);
        groups.set(name, `path-${group}.cjs`);
      }
    }
  }
  return groups;
}

/**
 * The files of a group as one CommonJS file: each module a function run on its first load, as
 * require() would. module.exports is that loader; its `loaded` lists what ran, in order (for tests).
 */
function groupFile(modules) {
  return `"use strict";
const modules = {
${modules.map(([name, code]) => `${JSON.stringify(name)}(module, exports) {\n${code}\n}`).join(',\n')}
};
const loaded = {};
function load(name) {
  let module = loaded[name];
  if (module === undefined) {
    module = loaded[name] = { exports: {} };
    load.loaded.push(name);
    modules[name].call(module.exports, module, module.exports);
  }
  return module.exports;
}
load.loaded = [];
module.exports = load;
`;
}

/** Each ES module file of the split build in dir becomes NAME.cjs, its imports of the others require() calls, a path group's files one file (groups: NAME.js → group file). */
async function toCommonJs(dir, groups) {
  const names = new Set(readdirSync(dir));
  const members = new Map();
  for (const name of names) {
    const group = groups.get(name);
    const esm = readFileSync(join(dir, name), 'utf8').replace(/(["'])\.\/([\w.-]+\.js)\1/g, (spec, quote, file) =>
      names.has(file) ? `${quote}./${file.replace(/\.js$/, '.cjs')}${quote}` : spec,
    );
    let { code } = await transform(esm, { ...TRANSFORM, sourcefile: name });
    // A module of a group is asked of its group's loader: from its own group directly, from elsewhere
    // of the group file, entry.cjs by require, a path file through dist/load-path.cjs (src/code-cache.ts:
    // compiled with V8's code cache).
    code = code.replace(/require\("\.\/([\w.-]+)\.cjs"\)/g, (call, file) => {
      const target = groups.get(`${file}.js`);
      if (target === undefined) return call;
      if (target === group) return `load("${file}.cjs")`;
      return target === ENTRY ? `require("./${ENTRY}")("${file}.cjs")` : `require("./${LOAD_PATH}").requirePath("${target}")("${file}.cjs")`;
    });
    rmSync(join(dir, name));
    if (group === undefined) writeFileSync(join(dir, name.replace(/\.js$/, '.cjs')), code);
    else members.set(group, [...(members.get(group) ?? []), [name.replace(/\.js$/, '.cjs'), code.replace(/^"use strict";\n/, '')]]);
  }
  for (const [group, modules] of members) writeFileSync(join(dir, group), groupFile(modules));
}

/** 16 hex digits of a SHA-256 over each file's name and content: [name, path] pairs, in order. */
function filesHash(files) {
  const hash = createHash('sha256');
  for (const [name, path] of files) hash.update(`${name}\0`).update(readFileSync(path)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** The code cache's key for a build (src/code-cache.ts): a hash of every file in dir. */
function distId(dir) {
  return filesHash(
    readdirSync(dir)
      .sort()
      .map((file) => [file, join(dir, file)]),
  );
}

/**
 * A hash of every source file and of the dependencies' locked versions (commander parses some
 * command lines): what a cached command remembered under another build is not this build's
 * (src/session/early-request.ts).
 */
function buildId() {
  const files = readdirSync('src', { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
  return filesHash([...files, 'package-lock.json'].map((file) => [file, file]));
}

try {
  const tablesFile = `${fresh}-tables.mjs`;
  // Imported here as an ES module: some CommonJS dependencies call require() for Node built-ins.
  const banner = { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" };
  await build({ ...common, banner, entryPoints: ['scripts/command-tables.ts'], outfile: tablesFile });
  const { tables, helps } = await import(tablesFile);
  rmSync(tablesFile);
  const { metafile } = await build({
    ...common,
    define: {
      __VERSION__: JSON.stringify(pkg.version),
      __BUILD_ID__: JSON.stringify(buildId()),
      __COMMAND_TABLES__: JSON.stringify(JSON.stringify(tables)),
      __PROGRAM_HELP__: JSON.stringify(JSON.stringify(helps)),
    },
    entryPoints: ['src/entry.ts'],
    outdir: fresh,
    splitting: true,
    metafile: true,
  });
  await toCommonJs(fresh, pathGroups(metafile));
  // The path files' loader, built on its own (it loads them), named by a hash of everything else built.
  await build({
    ...common,
    format: 'cjs',
    minifyWhitespace: true,
    entryPoints: ['src/code-cache.ts'],
    outfile: join(fresh, LOAD_PATH),
    define: { __DIST_ID__: JSON.stringify(distId(fresh)) },
  });
  rmSync(outdir, { recursive: true, force: true });
  renameSync(fresh, outdir);
} finally {
  rmSync(fresh, { recursive: true, force: true });
  rmSync(`${fresh}-tables.mjs`, { force: true });
}

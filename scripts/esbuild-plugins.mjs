// esbuild plugins shared by every build (dist/, the single executable).
import { readFileSync } from 'node:fs';

// Built-in modules our dependencies require at import time but use only on rare paths. Deferred,
// a command never loads node:child_process (commander spawns only for executable subcommands,
// which we have none of). Every rewrite must match: a dependency update that moves the code fails
// the build instead of silently loading the module again.
const REWRITES = [
  {
    file: /commander[\\/]lib[\\/]command\.js$/,
    edits: [
      ["const childProcess = require('node:child_process');", "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };"],
    ],
  },
];

export const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    for (const { file, edits } of REWRITES) {
      b.onLoad({ filter: file }, ({ path }) => {
        let contents = readFileSync(path, 'utf8');
        for (const [from, to] of edits) {
          const edited = contents.replace(from, to);
          if (edited === contents) throw new Error(`lazy-builtins: ${path} no longer contains ${from}: update scripts/esbuild-plugins.mjs`);
          contents = edited;
        }
        return { contents, loader: 'js' };
      });
    }
  },
};

// A single executable's CommonJS main has no dynamic import(): `await import('node:x')` becomes a lazy require.
export const builtinImportAsRequire = {
  name: 'builtin-import-as-require',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, ({ path, kind }) => (kind === 'dynamic-import' ? { path, namespace: 'builtin-require' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'builtin-require' }, ({ path }) => ({ contents: `module.exports = require(${JSON.stringify(path)});`, loader: 'js' }));
  },
};

// Preloaded (`node -r`) by test/packaging/startup.test.ts: at exit, tells on stderr every file this
// process loaded, in load order (LOADED <path>), every Node built-in module (BUILTIN <name>), and
// whether Node's ES module loader ran (ESM yes|no). A module of a merged file (dist/path-*.cjs,
// scripts/build.mjs) that ran is told as the file it was built from, after the merged file.
const { dirname, join } = require('node:path');

process.on('exit', () => {
  const esm = process.moduleLoadList.includes('NativeModule internal/modules/esm/loader');
  const files = Object.keys(require.cache)
    .filter((file) => file !== __filename)
    .flatMap((file) => {
      const { exports } = require.cache[file];
      return [file, ...(typeof exports === 'function' && Array.isArray(exports.loaded) ? exports.loaded.map((name) => join(dirname(file), name)) : [])];
    });
  const builtins = process.moduleLoadList.filter((name) => name.startsWith('NativeModule ')).map((name) => name.slice(13));
  process.stderr.write(`${files.map((file) => `LOADED ${file}\n`).join('')}${builtins.map((name) => `BUILTIN ${name}\n`).join('')}ESM ${esm ? 'yes' : 'no'}\n`);
});

// Preloaded (`node -r`) by test/packaging/startup.test.ts: at exit, tells on stderr every file this
// process loaded, in load order (LOADED <path>), every Node built-in module (BUILTIN <name>), and
// whether Node's ES module loader ran (ESM yes|no).
process.on('exit', () => {
  const esm = process.moduleLoadList.includes('NativeModule internal/modules/esm/loader');
  const files = Object.keys(require.cache).filter((file) => file !== __filename);
  const builtins = process.moduleLoadList.filter((name) => name.startsWith('NativeModule ')).map((name) => name.slice(13));
  process.stderr.write(`${files.map((file) => `LOADED ${file}\n`).join('')}${builtins.map((name) => `BUILTIN ${name}\n`).join('')}ESM ${esm ? 'yes' : 'no'}\n`);
});

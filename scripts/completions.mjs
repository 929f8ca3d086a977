#!/usr/bin/env node
// Writes completions/{glance,keystone}.{bash,fish} and completions/_{glance,keystone} (zsh) from the
// real command registries. `--check` writes nothing and exits 1 when a checked-in file is stale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

const root = new URL('..', import.meta.url);
const load = (path) => tsImport(new URL(path, root).href, import.meta.url);
const [{ glanceCommands }, { keystoneCommands }, { commandTree }, { completionFiles }] = await Promise.all([
  load('src/cli/glance/index.ts'),
  load('src/cli/keystone/index.ts'),
  load('src/cli/common/command-tree.ts'),
  load('src/cli/common/completion-scripts.ts'),
]);
const files = completionFiles([commandTree('glance', glanceCommands), commandTree('keystone', keystoneCommands)]);
const dir = new URL('completions/', root);

if (process.argv.includes('--check')) {
  const stale = [...files].filter(([name, text]) => {
    try {
      return readFileSync(new URL(name, dir), 'utf8') !== text;
    } catch {
      return true;
    }
  });
  for (const [name] of stale) console.error(`completions/${name} is stale: run npm run completions`);
  process.exit(stale.length === 0 ? 0 : 1);
}
mkdirSync(dir, { recursive: true });
for (const [name, text] of files) writeFileSync(new URL(name, dir), text);
console.error(`wrote ${[...files.keys()].map((name) => `completions/${name}`).join(' ')}`);

// The entry of the V8 start-up snapshot (scripts/build.mjs, bin/glance): every module a command can
// need is imported, that is evaluated, when the snapshot is built, so a run starts with all of it in
// the heap instead of reading and compiling it. chalk and ora stay lazy: they read the terminal and
// the environment when imported. Nothing imported here may touch process state at import time.
import { startupSnapshot } from 'node:v8';
import { main } from './main.js';
import './cli/glance/index.js';
import './cli/keystone/index.js';
import './session/factory.js';
import './api/identity/index.js';
import './api/identity/versions.js';
import './api/image/index.js';
import './config/clouds.js';
import './output/formats/yaml.js';

startupSnapshot.setDeserializeMainFunction(() => {
  // bin/glance runs `node --snapshot-blob cli.blob glance ARGS…`.
  const [dialect, ...args] = process.argv.slice(1);
  if (dialect !== 'glance' && dialect !== 'keystone') {
    process.stderr.write(`cli.blob: the first argument must be glance or keystone, not ${JSON.stringify(dialect ?? '')}\n`);
    process.exit(2);
  }
  void main(dialect, args);
});

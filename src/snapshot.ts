// The entry of the V8 start-up snapshot (scripts/build.mjs, bin/glance): every module a command can
// need is imported, that is evaluated, when the snapshot is built, and both commander trees are
// built then too, so a run starts with all of it in the heap instead of reading, compiling and
// building it. chalk and ora stay lazy: they read the terminal and the environment when imported.
// Nothing done here may read process state (environment, terminal, directory): it would be the
// build machine's.
import { startupSnapshot } from 'node:v8';
import { glanceCommands } from './cli/glance/index.js';
import { keystoneCommands } from './cli/keystone/index.js';
import { main, prepareProgram } from './main.js';
import './session/factory.js';
import './api/identity/index.js';
import './api/identity/versions.js';
import './api/image/index.js';
import './config/clouds.js';
import './output/formats/yaml.js';
// undici's HTTP parser, WebAssembly held as base64 text: decoded here, not on every first request.
import 'undici/lib/llhttp/llhttp_simd-wasm.js';

const prepared = { glance: prepareProgram('glance', glanceCommands), keystone: prepareProgram('keystone', keystoneCommands) };

startupSnapshot.setDeserializeMainFunction(() => {
  // bin/glance runs `node --snapshot-blob cli.blob glance ARGS…`.
  const [dialect, ...args] = process.argv.slice(1);
  if (dialect !== 'glance' && dialect !== 'keystone') {
    process.stderr.write(`cli.blob: the first argument must be glance or keystone, not ${JSON.stringify(dialect ?? '')}\n`);
    process.exit(2);
  }
  void main(dialect, args, prepared[dialect]);
});

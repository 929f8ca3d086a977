// What a V8 start-up snapshot holds (scripts/build.mjs, scripts/build-sea.mjs): every module a
// command can need, imported, that is evaluated, when the snapshot is built, and both commander
// trees built then too, so a run starts with all of it in the heap instead of reading, compiling
// and building it. chalk and ora stay lazy: they read the terminal and the environment when
// imported. Nothing done here may read process state (environment, terminal, directory): it would
// be the build machine's.
import { glanceCommands } from '../cli/glance/index.js';
import { keystoneCommands } from '../cli/keystone/index.js';
import { prepareProgram } from '../main.js';
import { warmUpImageList } from './warm-up.js';
import '../session/factory.js';
import '../api/identity/index.js';
import '../api/identity/versions.js';
import '../api/image/index.js';
import '../config/clouds.js';
import '../output/formats/yaml.js';
// undici's HTTP parser, WebAssembly held as base64 text: decoded here, not on every first request.
import 'undici/lib/llhttp/llhttp_simd-wasm.js';

export const preparedPrograms = { glance: prepareProgram('glance', glanceCommands), keystone: prepareProgram('keystone', keystoneCommands) };

void warmUpImageList(glanceCommands);

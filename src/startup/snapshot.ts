// The entry of the start-up snapshot that bin/glance and bin/keystone start from (bin/launcher.sh
// runs `node --snapshot-blob dist/snapshot/cli.blob glance|keystone ARGS…`).
import { startupSnapshot } from 'node:v8';
import { main } from '../main.js';
import { preparedPrograms } from './preloaded.js';

startupSnapshot.setDeserializeMainFunction(() => {
  const [dialect, ...args] = process.argv.slice(1);
  if (dialect !== 'glance' && dialect !== 'keystone') {
    process.stderr.write(`cli.blob: the first argument must be glance or keystone, not ${JSON.stringify(dialect ?? '')}\n`);
    process.exit(2);
  }
  void main(dialect, args, preparedPrograms[dialect]);
});

// Entry of the single executable, built into its start-up snapshot: one file that is glance or
// keystone by the name it was started under (a symlink). In a SEA, argv[0] and argv[1] are both
// the executable and execPath is the resolved file, so the invoked name is process.argv0;
// `openstack-classic glance ...` works too.
import { basename } from 'node:path';
import { startupSnapshot } from 'node:v8';
import type { Dialect } from '../src/cli/deps.js';
import { main } from '../src/main.js';
import { preparedPrograms } from '../src/startup/preloaded.js';

const DIALECTS: readonly Dialect[] = ['glance', 'keystone'];
const isDialect = (name: string | undefined): name is Dialect => DIALECTS.includes(name as Dialect);

startupSnapshot.setDeserializeMainFunction(() => {
  const invoked = basename(process.argv0);
  if (isDialect(invoked)) {
    void main(invoked, process.argv.slice(2), preparedPrograms[invoked]);
  } else if (isDialect(process.argv[2])) {
    void main(process.argv[2], process.argv.slice(3), preparedPrograms[process.argv[2]]);
  } else {
    process.stderr.write(`${invoked}: run me as glance or keystone (a symlink to me), or as: ${invoked} glance|keystone ARGS...\n`);
    process.exit(2);
  }
});

// Entry of the single executable: one file that is glance or
// keystone by the name it was started under (a symlink). In a SEA, argv[0] and argv[1] are both
// the executable and execPath is the resolved file, so the invoked name is process.argv0;
// `openstack-classic glance ...` works too.
import { basename } from 'node:path';
import type { Dialect } from '../src/cli/deps.js';
import { main } from '../src/entry.js';

const DIALECTS: readonly Dialect[] = ['glance', 'keystone'];
const isDialect = (name: string | undefined): name is Dialect => DIALECTS.includes(name as Dialect);

const invoked = basename(process.argv0);
if (isDialect(invoked)) {
  void main(invoked, process.argv.slice(2));
} else if (isDialect(process.argv[2])) {
  void main(process.argv[2], process.argv.slice(3));
} else {
  process.stderr.write(`${invoked}: run me as glance or keystone (a symlink to me), or as: ${invoked} glance|keystone ARGS...\n`);
  process.exit(2);
}

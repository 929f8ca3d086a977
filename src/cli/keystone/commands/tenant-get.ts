import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { findTenant } from '../support/lookup.js';
import { tenantRecord } from '../support/records.js';

export interface Options {
  tenant: string;
}

export const tenantGet = command<Options>({
  spec: {
    name: 'tenant-get',
    summary: 'Display tenant details.',
    example: 'keystone tenant-get services',
    args: [{ name: '<tenant>', description: 'Name or ID of tenant to display.' }],
    output: 'record',
  },
  parse: (raw) => ({ tenant: raw.args[0] as string }),
  async run(options: Options, deps: Deps) {
    const identity = await deps.identity();
    deps.print.record(tenantRecord(await findTenant(identity, options.tenant)));
  },
});

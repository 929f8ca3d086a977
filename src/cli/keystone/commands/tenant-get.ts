import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { findTenant } from '../support/lookup.js';
import { tenantRecord } from '../support/records.js';

export const tenantGet = command({
  spec: {
    name: 'tenant-get',
    summary: 'Display tenant details.',
    example: 'keystone tenant-get services',
    args: { tenant: requiredArg('<tenant>', 'Name or ID of tenant to display.') },
    output: 'record',
  },
  parse: ({ args }) => ({ tenant: args.tenant }),
  async run(options, deps) {
    const identity = await deps.identity();
    deps.print.record(tenantRecord(await findTenant(identity, options.tenant)));
  },
});

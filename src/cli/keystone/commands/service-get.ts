import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { findService } from '../support/lookup.js';
import { serviceRecord } from '../support/records.js';

export const serviceGet = command({
  spec: {
    name: 'service-get',
    summary: 'Display service from Service Catalog.',
    example: 'keystone service-get glance',
    args: { service: requiredArg('<service>', 'Name or ID of service to display.') },
    output: 'record',
  },
  parse: ({ args }) => ({ service: args.service }),
  async run(options, deps) {
    deps.print.record(serviceRecord(await findService(await deps.identity(), options.service)));
  },
});

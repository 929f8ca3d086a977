import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { findService } from '../support/lookup.js';

export const serviceDelete = command({
  spec: {
    name: 'service-delete',
    summary: 'Delete service from Service Catalog.',
    example: 'keystone service-delete glance',
    args: { service: requiredArg('<service>', 'Name or ID of service to delete.') },
    output: 'none',
  },
  parse: ({ args }) => ({ service: args.service }),
  async run(options, deps) {
    const identity = await deps.identity();
    await identity.services.delete((await findService(identity, options.service)).id);
  },
});

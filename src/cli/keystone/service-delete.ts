import { command } from '../command.js';
import type { Deps } from '../deps.js';
import { findService } from './lookup.js';

export interface Options {
  service: string;
}

export const serviceDelete = command<Options>({
  spec: {
    name: 'service-delete',
    summary: 'Delete service from Service Catalog.',
    example: 'keystone service-delete glance',
    args: [{ name: '<service>', description: 'Name or ID of service to delete.' }],
    output: 'none',
  },
  parse: (raw) => ({ service: raw.args[0] as string }),
  async run(options: Options, deps: Deps) {
    const identity = await deps.identity();
    await identity.services.delete((await findService(identity, options.service)).id);
  },
});

import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { findService } from '../support/lookup.js';
import { serviceRecord } from '../support/records.js';

export interface Options {
  service: string;
}

export const serviceGet = command<Options>({
  spec: {
    name: 'service-get',
    summary: 'Display service from Service Catalog.',
    example: 'keystone service-get glance',
    args: [{ name: '<service>', description: 'Name or ID of service to display.' }],
    output: 'record',
  },
  parse: (raw) => ({ service: raw.args[0] as string }),
  async run(options: Options, deps: Deps) {
    deps.print.record(serviceRecord(await findService(await deps.identity(), options.service)));
  },
});

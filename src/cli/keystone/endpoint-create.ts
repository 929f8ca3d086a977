import { command } from '../command.js';
import type { Deps } from '../deps.js';
import { idSpelling, required, withIdSpellings } from './flags.js';
import { findService } from './lookup.js';
import { endpointRecord } from './records.js';

export interface Options {
  region: string;
  service: string;
  publicurl: string;
  adminurl?: string;
  internalurl?: string;
}

export const endpointCreate = command<Options>({
  spec: {
    name: 'endpoint-create',
    summary: 'Create a new endpoint associated with a service.',
    example: 'keystone endpoint-create --service-id <id> --publicurl http://controller:9292 --adminurl http://controller:9292 --internalurl http://controller:9292',
    options: [
      { flags: '--region <endpoint-region>', description: 'Endpoint region.', default: 'regionOne' },
      ...withIdSpellings('service', 'Name or ID of service associated with endpoint.'),
      { flags: '--publicurl <public-url>', description: 'Public URL endpoint.' },
      { flags: '--adminurl <admin-url>', description: 'Admin URL endpoint.' },
      { flags: '--internalurl <internal-url>', description: 'Internal URL endpoint.' },
    ],
    output: 'record',
  },
  parse: (raw) => ({
    region: raw.opts.region as string,
    service: required(idSpelling(raw.opts, 'service'), 'endpoint-create', '--service/--service-id'),
    publicurl: required(raw.opts.publicurl as string | undefined, 'endpoint-create', '--publicurl'),
    adminurl: raw.opts.adminurl as string | undefined,
    internalurl: raw.opts.internalurl as string | undefined,
  }),
  async run(options: Options, deps: Deps) {
    const identity = await deps.identity();
    const service = await findService(identity, options.service);
    const endpoint = await identity.classicEndpoints.create({
      region: options.region,
      serviceId: service.id,
      publicurl: options.publicurl,
      adminurl: options.adminurl,
      internalurl: options.internalurl,
    });
    deps.print.record(endpointRecord(endpoint));
  },
});

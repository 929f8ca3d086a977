import { command } from '../../command.js';
import { text, withDefault } from '../../flags/flag.js';
import { required, withIdSpellings } from '../support/flags.js';
import { findService } from '../support/lookup.js';
import { endpointRecord } from '../support/records.js';

export const endpointCreate = command({
  spec: {
    name: 'endpoint-create',
    summary: 'Create a new endpoint associated with a service.',
    example:
      'keystone endpoint-create --service-id <id> --publicurl http://controller:9292 --adminurl http://controller:9292 --internalurl http://controller:9292',
    options: {
      region: withDefault(text('--region <endpoint-region>', 'Endpoint region.'), 'regionOne'),
      service: withIdSpellings('service', 'Name or ID of service associated with endpoint.'),
      publicurl: text('--publicurl <public-url>', 'Public URL endpoint.'),
      adminurl: text('--adminurl <admin-url>', 'Admin URL endpoint.'),
      internalurl: text('--internalurl <internal-url>', 'Internal URL endpoint.'),
    },
    output: 'record',
  },
  parse: ({ flags }) => ({
    region: flags.region,
    service: required(flags.service, 'endpoint-create', '--service/--service-id'),
    publicurl: required(flags.publicurl, 'endpoint-create', '--publicurl'),
    adminurl: flags.adminurl,
    internalurl: flags.internalurl,
  }),
  async run(options, deps) {
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

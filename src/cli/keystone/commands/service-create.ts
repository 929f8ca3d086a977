import { command } from '../../command.js';
import { text } from '../../flags/flag.js';
import { required } from '../support/flags.js';
import { serviceRecord } from '../support/records.js';

export const serviceCreate = command({
  spec: {
    name: 'service-create',
    summary: 'Add service to Service Catalog.',
    example: 'keystone service-create --name glance --type image --description "Glance Image Service"',
    options: {
      type: text('--type <type>', 'Service type (one of: identity, compute, network, image, object-store, or other service identifier string).'),
      name: text('--name <name>', 'Name of new service (must be unique).'),
      description: text('--description <service-description>', 'Description of service.'),
    },
    output: 'record',
  },
  parse: ({ flags }) => ({
    type: required(flags.type, 'service-create', '--type'),
    name: flags.name,
    description: flags.description,
  }),
  async run(options, deps) {
    const service = await (await deps.identity()).services.create({ ...options, enabled: true });
    deps.print.record(serviceRecord(service));
  },
});

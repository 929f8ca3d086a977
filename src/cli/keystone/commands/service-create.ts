import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { required } from '../support/flags.js';
import { serviceRecord } from '../support/records.js';

export interface Options {
  type: string;
  name?: string;
  description?: string;
}

export const serviceCreate = command<Options>({
  spec: {
    name: 'service-create',
    summary: 'Add service to Service Catalog.',
    example: 'keystone service-create --name glance --type image --description "Glance Image Service"',
    options: [
      { flags: '--type <type>', description: 'Service type (one of: identity, compute, network, image, object-store, or other service identifier string).' },
      { flags: '--name <name>', description: 'Name of new service (must be unique).' },
      { flags: '--description <service-description>', description: 'Description of service.' },
    ],
    output: 'record',
  },
  parse: (raw) => ({
    type: required(raw.opts.type as string | undefined, 'service-create', '--type'),
    name: raw.opts.name as string | undefined,
    description: raw.opts.description as string | undefined,
  }),
  async run(options: Options, deps: Deps) {
    const service = await (await deps.identity()).services.create({ ...options, enabled: true });
    deps.print.record(serviceRecord(service));
  },
});

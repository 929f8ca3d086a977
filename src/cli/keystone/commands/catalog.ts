import { command } from '../../command.js';
import { text } from '../../flags/flag.js';
import { tokenCatalog } from '../support/catalog-access.js';
import { classicRecord } from '../support/records.js';

export const catalog = command({
  spec: {
    name: 'catalog',
    summary: 'List service catalog, possibly filtered by service.',
    example: 'keystone catalog --service image',
    options: { service: text('--service <service-type>', 'Service type to return.') },
    output: 'none',
  },
  parse: ({ flags }) => ({ service: flags.service }),
  async run(options, deps) {
    for (const service of await tokenCatalog(deps)) {
      if (options.service !== undefined && service.type !== options.service) continue;
      if (service.endpoints.length === 0) continue;
      deps.print.line(`Service: ${service.type}`);
      for (const endpoint of service.endpoints) deps.print.record(classicRecord({ ...endpoint }));
    }
  },
});

import type { Cell } from '../../../output/views.js';
import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { tokenCatalog } from '../support/catalog-access.js';
import { classicRecord } from '../support/records.js';

export interface Options {
  service?: string;
}

export const catalog = command<Options>({
  spec: {
    name: 'catalog',
    summary: 'List service catalog, possibly filtered by service.',
    example: 'keystone catalog --service image',
    options: [{ flags: '--service <service-type>', description: 'Service type to return.' }],
    output: 'none',
  },
  parse: (raw) => ({ service: raw.opts.service as string | undefined }),
  async run(options: Options, deps: Deps) {
    for (const service of await tokenCatalog(deps)) {
      if (options.service !== undefined && service.type !== options.service) continue;
      if (service.endpoints.length === 0) continue;
      deps.stdout.write(`Service: ${service.type}\n`);
      for (const endpoint of service.endpoints) deps.print.record(classicRecord({ ...endpoint } as Record<string, Cell>));
    }
  },
});

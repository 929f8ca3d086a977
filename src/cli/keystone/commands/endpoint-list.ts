import { command } from '../../command.js';

export const endpointList = command({
  spec: { name: 'endpoint-list', summary: 'List configured service endpoints.', example: 'keystone endpoint-list', output: 'list' },
  parse: () => ({}),
  async run(_options, deps) {
    const endpoints = await (await deps.identity()).classicEndpoints.list(); // sorted by id, as the classic list was
    deps.print.list({
      columns: ['id', 'region', 'publicurl', 'internalurl', 'adminurl', 'service_id'],
      rows: endpoints.map((e) => [e.id, e.region, e.publicurl, e.internalurl, e.adminurl, e.service_id]),
    });
  },
});

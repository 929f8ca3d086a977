import { HttpError } from '../../../errors.js';
import { command } from '../../command.js';
import { tenantDomainId } from '../support/lookup.js';
import { sortRows } from '../support/records.js';

export const tenantList = command({
  spec: { name: 'tenant-list', summary: 'List all tenants.', example: 'keystone tenant-list | grep services', output: 'list' },
  parse: () => ({}),
  async run(_options, deps) {
    const identity = await deps.identity();
    // As v2.0 did for a non-admin: the tenants the user has access to.
    const projects = await identity.projects.list({ domain_id: await tenantDomainId(identity) }).catch((err: unknown) => {
      if (err instanceof HttpError && err.status === 403) return identity.projects.listForCurrentUser();
      throw err;
    });
    deps.print.list({
      columns: ['id', 'name', 'enabled'],
      rows: sortRows(
        projects.map((p) => [p.id, p.name, p.enabled]),
        1,
      ),
    });
  },
});

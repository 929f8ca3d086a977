import { command } from '../../command.js';
import { integer, text, texts } from '../../flags/flag.js';
import { printPyList } from '../support/v2-commands.js';

export interface Options {
  resourceTypes?: string[];
  visibility?: string;
  pageSize?: number;
}

/** glanceclient's page size when --page-size is not given (or is 0). */
const DEFAULT_PAGE_SIZE = 20;

export const mdNamespaceList = command({
  spec: {
    name: 'md-namespace-list',
    summary: 'List metadata definitions namespaces.',
    example: 'glance md-namespace-list --resource-types OS::Glance::Image',
    options: {
      resourceTypes: texts('--resource-types <RESOURCE_TYPES>', 'Resource type to filter namespaces.'),
      visibility: text('--visibility <VISIBILITY>', 'Visibility parameter to filter namespaces.', { suggestions: ['public', 'private'] }),
      pageSize: integer('--page-size <SIZE>', 'Number of namespaces to request in each paginated request.', {}),
    },
    output: 'list',
  },
  parse: ({ flags }): Options => ({
    resourceTypes: flags.resourceTypes.length > 0 ? flags.resourceTypes : undefined,
    visibility: flags.visibility,
    pageSize: flags.pageSize,
  }),
  async run(options, deps) {
    const api = await deps.image();
    const namespaces = await api.metadefNamespaces.list({
      resourceTypes: options.resourceTypes,
      visibility: options.visibility,
      // A negative size is sent as given: Glance answers "limit param must be positive".
      limit: options.pageSize || DEFAULT_PAGE_SIZE,
    });
    printPyList(deps, { columns: ['namespace'], rows: namespaces.map((n) => [n.namespace]) });
  },
});

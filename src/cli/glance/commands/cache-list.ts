import { command } from '../../command.js';
import { CACHE_COLUMNS, cacheApi, cacheRows } from '../support/cache-commands.js';

export const cacheList = command<Record<string, never>>({
  spec: { name: 'cache-list', glanceclientErrors: true, summary: 'Get cache state.', example: 'glance cache-list', output: 'list' },
  parse: () => ({}),
  async run(_options, deps) {
    const api = await cacheApi(deps);
    const rows = cacheRows(await api.cache.list());
    // print_cached_images keeps PrettyTable's centred default; the runbook dialect's grids are left-aligned.
    deps.print.list({ columns: CACHE_COLUMNS, rows }, deps.glance.apiVersion === 2 ? { align: 'center' } : {});
  },
});

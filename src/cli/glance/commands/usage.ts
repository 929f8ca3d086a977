import { command } from '../../command.js';
import { pyCell } from '../support/v2-commands.js';

export const usage = command<Record<string, never>>({
  spec: { name: 'usage', glanceclientErrors: true, summary: 'Get quota usage information.', example: 'glance usage', output: 'list' },
  parse: () => ({}),
  async run(_options, deps) {
    const api = await deps.image();
    const quotas = await api.usage.get();
    const rows = Object.entries(quotas).map(([quota, { limit, usage }]) => [quota, limit, usage]);
    deps.print.list({ columns: ['Quota', 'Limit', 'Usage'], rows }, { text: pyCell });
  },
});

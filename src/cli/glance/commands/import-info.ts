import { CliError, HttpError } from '../../../errors.js';
import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { printDict } from '../support/v2-commands.js';

export const importInfo = command<Record<string, never>>({
  spec: { name: 'import-info', summary: 'Print import methods available from Glance.', example: 'glance import-info', output: 'record' },
  parse: () => ({}),
  async run(_options, deps: Deps) {
    const api = await deps.image();
    try {
      printDict(deps, await api.imports.info());
    } catch (err) {
      if (err instanceof HttpError && err.status === 404) throw new CliError('Target Glance does not support Image Import workflow');
      throw err;
    }
  },
});

import { CliError, HttpError } from '../../../errors.js';
import { command } from '../../command.js';
import { presence } from '../../flags/flag.js';
import { printDict } from '../support/v2-commands.js';

export interface Options {
  detail: boolean;
}

export const storesInfo = command({
  spec: {
    name: 'stores-info',
    summary: 'Print available backends from Glance.',
    example: 'glance stores-info',
    options: { detail: presence('--detail', 'Shows details of stores. Admin only.') },
    output: 'record',
  },
  parse: ({ flags }): Options => flags,
  async run(options, deps) {
    const api = await deps.image();
    try {
      printDict(deps, options.detail ? await api.stores.detail() : await api.stores.info());
    } catch (err) {
      // A single-store cloud has no /v2/info/stores.
      if (err instanceof HttpError && err.status === 404) throw new CliError('Multi Backend support is not enabled');
      throw err;
    }
  },
});

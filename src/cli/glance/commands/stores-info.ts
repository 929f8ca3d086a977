import { CliError, HttpError } from '../../../errors.js';
import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { printDict } from '../support/v2-commands.js';

export interface Options {
  detail: boolean;
}

export const storesInfo = command<Options>({
  spec: {
    name: 'stores-info',
    summary: 'Print available backends from Glance.',
    example: 'glance stores-info',
    options: [{ flags: '--detail', description: 'Shows details of stores. Admin only.' }],
    output: 'record',
  },
  parse: ({ opts }) => ({ detail: opts.detail === true }),
  async run(options, deps: Deps) {
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

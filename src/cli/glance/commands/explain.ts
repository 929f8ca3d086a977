import { CliError, HttpError } from '../../../errors.js';
import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { printPyList } from '../support/v2-commands.js';

export const explain = command({
  spec: {
    name: 'explain',
    glanceclientErrors: true,
    summary: 'Describe a specific model.',
    example: 'glance explain image',
    args: { model: requiredArg('<MODEL>', 'Name of model to describe.') },
    output: 'list',
  },
  parse: ({ args }) => ({ model: args.model }),
  async run(options, deps) {
    const api = await deps.image();
    let schema;
    try {
      schema = await api.schemas.get(options.model);
    } catch (err) {
      if (err instanceof HttpError && err.status === 404) throw new CliError(`Unable to find requested model '${options.model}'`);
      throw err;
    }
    const rows = Object.entries(schema.properties).map(([name, property]) => [name, property.description]);
    printPyList(deps, { columns: ['Attribute', 'Description'], rows });
  },
});

import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import { text, withDefault } from '../../flags/flag.js';
import { checkSchemaFields } from '../support/schema-check.js';
import { printTask } from '../support/v2-commands.js';

export interface Options {
  type?: string;
  input: string;
}

export const taskCreate = command({
  spec: {
    name: 'task-create',
    glanceclientErrors: true,
    summary: 'Create a new task.',
    example: `glance task-create --type import --input '{"import_from": "http://…/cirros.img", "import_from_format": "qcow2", "image_properties": {…}}'`,
    options: {
      type: text('--type <TYPE>', 'Type of Task. Please refer to Glance schema or documentation to see which tasks are supported.'),
      input: withDefault(text('--input <STRING>', 'Parameters of the task to be launched'), '{}'),
    },
    output: 'record',
  },
  parse: ({ flags }): Options => flags,
  async run(options, deps) {
    if (!options.type || !options.input) throw new CliError('Unable to create task. Specify task type and input.');
    let input: unknown;
    try {
      input = JSON.parse(options.input);
    } catch {
      throw new CliError('Failed to parse the "input" parameter. Must be a valid JSON object.');
    }
    const api = await deps.image();
    const fields = { type: options.type, input };
    // glanceclient sets each field on a model of the task schema, which refuses what the schema does.
    checkSchemaFields(await api.schemas.get('task'), fields);
    printTask(deps, await api.tasks.create(fields.type, fields.input));
  },
});

import { HttpError, CliError } from '../../../errors.js';
import type { Cell } from '../../../output/views.js';
import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { pyCell } from '../support/v2-commands.js';

const COLUMNS = ['Message', 'Status', 'Updated at'];
const VERBOSE_COLUMNS = ['Image Id', 'Task Id', ...COLUMNS, 'User Id', 'Request Id', 'Result', 'Owner', 'Input', 'Expires at'];

/** glanceclient's print_dict_list reads each column from the task's snake_case key ("Task Id" is "id"). */
function taskKey(column: string): string {
  const key = column.toLowerCase().replace(/ /g, '_');
  return key === 'task_id' ? 'id' : key;
}

export const imageTasks = command({
  spec: {
    name: 'image-tasks',
    summary: 'Get tasks associated with image',
    example: 'glance image-tasks <IMAGE_ID>',
    args: { image: requiredArg('<IMAGE_ID>', 'ID of image to get tasks.') },
    output: 'list',
  },
  parse: ({ args }) => ({ image: args.image }),
  async run(options, deps) {
    const api = await deps.image();
    // glanceclient asks the version list first, so an unsupported server wins over a bad ID.
    if (!(await api.versions.offers('v2.12'))) throw new CliError('Server does not support image tasks API (v2.12)');
    let tasks;
    try {
      tasks = await api.tasks.forImage(await deps.glance.imageId(api.images, options.image));
    } catch (err) {
      if (err instanceof HttpError && err.status === 404) throw new CliError(`Image ${options.image} not found.`);
      throw err;
    }
    const columns = deps.globals.verbose ? VERBOSE_COLUMNS : COLUMNS;
    const rows = tasks.map((task) => columns.map((column) => task[taskKey(column)] as Cell));
    deps.print.list({ columns, rows }, { text: pyCell });
  },
});

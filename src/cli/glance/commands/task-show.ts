import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { printTask } from '../support/v2-commands.js';

export const taskShow = command({
  spec: {
    name: 'task-show',
    glanceclientErrors: true,
    summary: 'Describe a specific task.',
    example: 'glance task-show <TASK_ID>',
    args: { task: requiredArg('<TASK_ID>', 'ID of task to describe.') },
    output: 'record',
  },
  parse: ({ args }) => ({ task: args.task }),
  async run(options, deps) {
    const api = await deps.image();
    printTask(deps, await api.tasks.get(options.task));
  },
});

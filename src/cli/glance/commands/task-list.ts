import { UsageError } from '../../../errors.js';
import type { Query } from '../../../session/session.js';
import { command } from '../../command.js';
import { parseInteger } from '../../flags/integer.js';
import { choice, text, withDefault } from '../../flags/flag.js';
import { printPyList } from '../support/v2-commands.js';

const SORT_KEYS = ['id', 'type', 'status'] as const;
const SORT_DIRS = ['asc', 'desc'] as const;
/** glanceclient's page size when --page-size is not given (or 0). */
const DEFAULT_PAGE_SIZE = 20;

export interface Options {
  query: Query;
}

export const taskList = command({
  spec: {
    name: 'task-list',
    glanceclientErrors: true,
    summary: 'List tasks you can access.',
    example: 'glance task-list --status failure',
    options: {
      sortKey: withDefault(choice('--sort-key <KEY>', 'Sort task list by specified field.', SORT_KEYS), 'status'),
      sortDir: withDefault(choice('--sort-dir <DIR>', 'Sort task list in specified direction.', SORT_DIRS), 'desc'),
      pageSize: text('--page-size <SIZE>', 'Number of tasks to request in each paginated request.'),
      type: text('--type <TYPE>', 'Filter tasks to those that have this type.'),
      status: text('--status <STATUS>', 'Filter tasks to those that have this status.'),
    },
    output: 'list',
  },
  parse({ flags }): Options {
    // argparse's int(): its message has no hint after the value.
    const pageSize = flags.pageSize === undefined ? undefined : parseInteger(flags.pageSize);
    if (flags.pageSize !== undefined && pageSize === undefined) throw new UsageError(`argument --page-size: invalid int value: '${flags.pageSize}'`);
    return {
      query: { type: flags.type, status: flags.status, limit: pageSize || DEFAULT_PAGE_SIZE, sort_key: flags.sortKey, sort_dir: flags.sortDir },
    };
  },
  async run(options, deps) {
    const api = await deps.image();
    const tasks = await api.tasks.list(options.query);
    printPyList(deps, { columns: ['ID', 'Type', 'Status', 'Owner'], rows: tasks.map((t) => [t.id, t.type, t.status, t.owner]) });
  },
});

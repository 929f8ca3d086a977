import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { MEMBER_COLUMNS } from './member-list.js';
import { imageIdFor, printPyList } from '../support/v2-commands.js';

export interface Options {
  image: string;
  member: string;
}

export const memberCreate = command<Options>({
  spec: {
    name: 'member-create',
    summary: 'Create member for a given image.',
    example: 'glance member-create <IMAGE_ID> <PROJECT_ID>',
    args: [
      { name: '<IMAGE_ID>', description: 'Image with which to create member.' },
      { name: '<MEMBER_ID>', description: 'Tenant (project) to add as member.' },
    ],
    output: 'list',
  },
  parse: ({ args }) => ({ image: args[0] as string, member: args[1] as string }),
  async run(options, deps: Deps) {
    const api = await deps.image();
    const m = await api.members.create(await imageIdFor(deps, options.image), options.member);
    printPyList(deps, { columns: MEMBER_COLUMNS, rows: [[m.image_id, m.member_id, m.status]] });
  },
});

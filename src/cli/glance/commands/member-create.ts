import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { MEMBER_COLUMNS } from './member-list.js';
import { printPyList } from '../support/v2-commands.js';

export const memberCreate = command({
  spec: {
    name: 'member-create',
    summary: 'Create member for a given image.',
    example: 'glance member-create <IMAGE_ID> <PROJECT_ID>',
    args: { image: requiredArg('<IMAGE_ID>', 'Image with which to create member.'), member: requiredArg('<MEMBER_ID>', 'Tenant (project) to add as member.') },
    output: 'list',
  },
  parse: ({ args }) => ({ image: args.image, member: args.member }),
  async run(options, deps) {
    const api = await deps.image();
    const m = await api.members.create(await deps.glance.imageId(api.images, options.image), options.member);
    printPyList(deps, { columns: MEMBER_COLUMNS, rows: [[m.image_id, m.member_id, m.status]] });
  },
});

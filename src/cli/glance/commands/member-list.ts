import { command } from '../../command.js';
import { text, requireFlags } from '../../flags/flag.js';
import { printPyList } from '../support/v2-commands.js';

export interface Options {
  image: string;
}

export const MEMBER_COLUMNS = ['Image ID', 'Member ID', 'Status'] as const;

export const memberList = command({
  spec: {
    name: 'member-list',
    glanceclientErrors: true,
    summary: 'Describe sharing permissions by image.',
    example: 'glance member-list --image-id <IMAGE_ID>',
    options: { imageId: text('--image-id <IMAGE_ID>', 'Image to display members of.') },
    output: 'list',
  },
  parse({ flags }): Options {
    requireFlags({ '--image-id': flags.imageId });
    return { image: flags.imageId! };
  },
  async run(options, deps) {
    const api = await deps.image();
    const members = await api.members.list(await deps.glance.imageId(api.images, options.image));
    printPyList(deps, { columns: MEMBER_COLUMNS, rows: members.map((m) => [m.image_id, m.member_id, m.status]) });
  },
});

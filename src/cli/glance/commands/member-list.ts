import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { imageIdFor, missingFlag, printPyList } from '../support/v2-commands.js';

export interface Options {
  image: string;
}

export const MEMBER_COLUMNS = ['Image ID', 'Member ID', 'Status'] as const;

export const memberList = command<Options>({
  spec: {
    name: 'member-list',
    summary: 'Describe sharing permissions by image.',
    example: 'glance member-list --image-id <IMAGE_ID>',
    options: [{ flags: '--image-id <IMAGE_ID>', description: 'Image to display members of.' }],
    output: 'list',
  },
  parse({ opts }) {
    const image = opts.imageId as string | undefined;
    if (!image) throw missingFlag('glance member-list --image-id <IMAGE_ID>', '--image-id');
    return { image };
  },
  async run(options, deps: Deps) {
    const api = await deps.image();
    const members = await api.members.list(await imageIdFor(deps, options.image));
    printPyList(deps, { columns: MEMBER_COLUMNS, rows: members.map((m) => [m.image_id, m.member_id, m.status]) });
  },
});

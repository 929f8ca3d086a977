import { MEMBER_STATUSES, type MemberStatus } from '../../../api/image/members.js';
import { UsageError } from '../../../errors.js';
import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { MEMBER_COLUMNS } from './member-list.js';
import { imageIdFor, printPyList } from '../support/v2-commands.js';

export interface Options {
  image: string;
  member: string;
  status: MemberStatus;
}

export const memberUpdate = command<Options>({
  spec: {
    name: 'member-update',
    summary: 'Update the status of a member for a given image.',
    example: 'glance member-update <IMAGE_ID> <PROJECT_ID> accepted',
    args: [
      { name: '<IMAGE_ID>', description: 'Image from which to update member.' },
      { name: '<MEMBER_ID>', description: 'Tenant (project) to update.' },
      { name: '<MEMBER_STATUS>', description: `Updated status of member. Valid Values: ${MEMBER_STATUSES.join(', ')}` },
    ],
    output: 'list',
  },
  parse({ args }) {
    const status = args[2] as string;
    if (!(MEMBER_STATUSES as readonly string[]).includes(status)) {
      const choices = MEMBER_STATUSES.map((s) => `'${s}'`).join(', ');
      throw new UsageError(`usage: glance member-update <IMAGE_ID> <MEMBER_ID> <MEMBER_STATUS>\nglance member-update: error: argument <MEMBER_STATUS>: invalid choice: '${status}' (choose from ${choices})`);
    }
    return { image: args[0] as string, member: args[1] as string, status: status as MemberStatus };
  },
  async run(options, deps: Deps) {
    const api = await deps.image();
    const m = await api.members.update(await imageIdFor(deps, options.image), options.member, options.status);
    printPyList(deps, { columns: MEMBER_COLUMNS, rows: [[m.image_id, m.member_id, m.status]] });
  },
});

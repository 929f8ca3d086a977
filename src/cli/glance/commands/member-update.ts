import { MEMBER_STATUSES, type MemberStatus } from '../../../api/image/members.js';
import { UsageError } from '../../../errors.js';
import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { describeChoices, isChoice } from '../../flags/choice.js';
import { MEMBER_COLUMNS } from './member-list.js';
import { printPyList } from '../support/v2-commands.js';

export interface Options {
  image: string;
  member: string;
  status: MemberStatus;
}

export const memberUpdate = command({
  spec: {
    name: 'member-update',
    glanceclientErrors: true,
    summary: 'Update the status of a member for a given image.',
    example: 'glance member-update <IMAGE_ID> <PROJECT_ID> accepted',
    args: {
      image: requiredArg('<IMAGE_ID>', 'Image from which to update member.'),
      member: requiredArg('<MEMBER_ID>', 'Tenant (project) to update.'),
      status: requiredArg('<MEMBER_STATUS>', `Updated status of member. Valid Values: ${MEMBER_STATUSES.join(', ')}`),
    },
    output: 'list',
  },
  parse({ args }): Options {
    const { image, member, status } = args;
    if (!isChoice(status, MEMBER_STATUSES)) throw new UsageError(`argument <MEMBER_STATUS>: invalid choice: '${status}' (${describeChoices(MEMBER_STATUSES)})`);
    return { image, member, status };
  },
  async run(options, deps) {
    const api = await deps.image();
    const m = await api.members.update(await deps.glance.imageId(api.images, options.image), options.member, options.status);
    printPyList(deps, { columns: MEMBER_COLUMNS, rows: [[m.image_id, m.member_id, m.status]] });
  },
});

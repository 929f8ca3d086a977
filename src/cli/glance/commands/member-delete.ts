import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';

export const memberDelete = command({
  spec: {
    name: 'member-delete',
    summary: 'Delete image member.',
    example: 'glance member-delete <IMAGE_ID> <PROJECT_ID>',
    args: {
      image: requiredArg('<IMAGE_ID>', 'Image from which to remove member.'),
      member: requiredArg('<MEMBER_ID>', 'Tenant (project) to remove as member.'),
    },
    output: 'none',
  },
  parse: ({ args }) => ({ image: args.image, member: args.member }),
  async run(options, deps) {
    const api = await deps.image();
    await api.members.delete(await deps.glance.imageId(api.images, options.image), options.member);
  },
});

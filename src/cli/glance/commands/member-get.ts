import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { printDict } from '../support/v2-commands.js';

export const memberGet = command({
  spec: {
    name: 'member-get',
    summary: 'Show details of an image member',
    example: 'glance member-get <IMAGE_ID> <PROJECT_ID>',
    args: { image: requiredArg('<IMAGE_ID>', 'Image from which to display member.'), member: requiredArg('<MEMBER_ID>', 'Project to display.') },
    output: 'record',
  },
  parse: ({ args }) => ({ image: args.image, member: args.member }),
  async run(options, deps) {
    const api = await deps.image();
    const member = await api.members.get(await deps.glance.imageId(api.images, options.image), options.member);
    printDict(deps, { ...member });
  },
});

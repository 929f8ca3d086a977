import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { imageIdFor } from '../support/v2-commands.js';

export interface Options {
  image: string;
  member: string;
}

export const memberDelete = command<Options>({
  spec: {
    name: 'member-delete',
    summary: 'Delete image member.',
    example: 'glance member-delete <IMAGE_ID> <PROJECT_ID>',
    args: [
      { name: '<IMAGE_ID>', description: 'Image from which to remove member.' },
      { name: '<MEMBER_ID>', description: 'Tenant (project) to remove as member.' },
    ],
    output: 'none',
  },
  parse: ({ args }) => ({ image: args[0] as string, member: args[1] as string }),
  async run(options, deps: Deps) {
    const api = await deps.image();
    await api.members.delete(await imageIdFor(deps, options.image), options.member);
  },
});

import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { imageIdFor } from '../support/v2-commands.js';

export interface Options {
  image: string;
  tag: string;
}

export const imageTagDelete = command<Options>({
  spec: {
    name: 'image-tag-delete',
    summary: 'Delete the tag associated with the given image.',
    example: 'glance image-tag-delete <IMAGE_ID> golden',
    args: [
      { name: '<IMAGE_ID>', description: 'ID of the image from which to delete tag.' },
      { name: '<TAG_VALUE>', description: 'Value of the tag.' },
    ],
    output: 'none',
  },
  parse: ({ args }) => ({ image: args[0] as string, tag: args[1] as string }),
  async run(options, deps: Deps) {
    const api = await deps.image();
    await api.tags.remove(await imageIdFor(deps, options.image), options.tag);
  },
});

import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { imageIdFor, printPyList } from '../support/v2-commands.js';

export interface Options {
  image: string;
  tag: string;
}

export const imageTagUpdate = command<Options>({
  spec: {
    name: 'image-tag-update',
    summary: 'Update an image with the given tag.',
    example: 'glance image-tag-update <IMAGE_ID> golden',
    args: [
      { name: '<IMAGE_ID>', description: 'Image to be updated with the given tag.' },
      { name: '<TAG_VALUE>', description: 'Value of the tag.' },
    ],
    output: 'list',
  },
  parse: ({ args }) => ({ image: args[0] as string, tag: args[1] as string }),
  async run(options, deps: Deps) {
    const api = await deps.image();
    const id = await imageIdFor(deps, options.image);
    await api.tags.add(id, options.tag);
    const image = await api.images.get(id);
    printPyList(deps, { columns: ['ID', 'Tags'], rows: [[image.id, image.tags]] });
  },
});

import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { printPyList } from '../support/v2-commands.js';

export const imageTagUpdate = command({
  spec: {
    name: 'image-tag-update',
    summary: 'Update an image with the given tag.',
    example: 'glance image-tag-update <IMAGE_ID> golden',
    args: { image: requiredArg('<IMAGE_ID>', 'Image to be updated with the given tag.'), tag: requiredArg('<TAG_VALUE>', 'Value of the tag.') },
    output: 'list',
  },
  parse: ({ args }) => ({ image: args.image, tag: args.tag }),
  async run(options, deps) {
    const api = await deps.image();
    const id = await deps.glance.imageId(api.images, options.image);
    await api.tags.add(id, options.tag);
    const image = await api.images.get(id);
    printPyList(deps, { columns: ['ID', 'Tags'], rows: [[image.id, image.tags]] });
  },
});

import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';

export const imageTagDelete = command({
  spec: {
    name: 'image-tag-delete',
    summary: 'Delete the tag associated with the given image.',
    example: 'glance image-tag-delete <IMAGE_ID> golden',
    args: { image: requiredArg('<IMAGE_ID>', 'ID of the image from which to delete tag.'), tag: requiredArg('<TAG_VALUE>', 'Value of the tag.') },
    output: 'none',
  },
  parse: ({ args }) => ({ image: args.image, tag: args.tag }),
  async run(options, deps) {
    const api = await deps.image();
    await api.tags.remove(await deps.glance.imageId(api.images, options.image), options.tag);
  },
});

import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';

export const imageReactivate = command({
  spec: {
    name: 'image-reactivate',
    summary: 'Reactivate specified image.',
    example: 'glance image-reactivate <IMAGE_ID>',
    args: { image: requiredArg('<IMAGE_ID>', 'ID of image to reactivate.') },
    output: 'none',
  },
  parse: ({ args }) => ({ image: args.image }),
  async run(options, deps) {
    const api = await deps.image();
    await api.lifecycle.reactivate(await deps.glance.imageId(api.images, options.image));
  },
});

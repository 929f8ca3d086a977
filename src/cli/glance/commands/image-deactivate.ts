import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';

export const imageDeactivate = command({
  spec: {
    name: 'image-deactivate',
    summary: 'Deactivate specified image.',
    example: 'glance image-deactivate <IMAGE_ID>',
    args: { image: requiredArg('<IMAGE_ID>', 'ID of image to deactivate.') },
    output: 'none',
  },
  parse: ({ args }) => ({ image: args.image }),
  async run(options, deps) {
    const api = await deps.image();
    await api.lifecycle.deactivate(await deps.glance.imageId(api.images, options.image));
  },
});

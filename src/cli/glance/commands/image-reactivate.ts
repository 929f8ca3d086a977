import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { imageIdFor } from '../support/v2-commands.js';

export interface Options {
  image: string;
}

export const imageReactivate = command<Options>({
  spec: {
    name: 'image-reactivate',
    summary: 'Reactivate specified image.',
    example: 'glance image-reactivate <IMAGE_ID>',
    args: [{ name: '<IMAGE_ID>', description: 'ID of image to reactivate.' }],
    output: 'none',
  },
  parse: ({ args }) => ({ image: args[0] as string }),
  async run(options, deps: Deps) {
    const api = await deps.image();
    await api.lifecycle.reactivate(await imageIdFor(deps, options.image));
  },
});

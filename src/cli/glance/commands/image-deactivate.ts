import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { imageIdFor } from '../support/v2-commands.js';

export interface Options {
  image: string;
}

export const imageDeactivate = command<Options>({
  spec: {
    name: 'image-deactivate',
    summary: 'Deactivate specified image.',
    example: 'glance image-deactivate <IMAGE_ID>',
    args: [{ name: '<IMAGE_ID>', description: 'ID of image to deactivate.' }],
    output: 'none',
  },
  parse: ({ args }) => ({ image: args[0] as string }),
  async run(options, deps: Deps) {
    const api = await deps.image();
    await api.lifecycle.deactivate(await imageIdFor(deps, options.image));
  },
});

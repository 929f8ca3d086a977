import { command } from '../../command.js';
import { findImage } from '../support/find-image.js';
import { parseInteger } from '../support/image-flags.js';
import { printImage } from '../support/image-views.js';

export interface Options {
  image: string;
  humanReadable: boolean;
  maxColumnWidth: number;
}

export const imageShow = command<Options>({
  spec: {
    name: 'image-show',
    summary: 'Describe a specific image (by name or ID).',
    example: 'glance image-show fedora-19',
    args: [{ name: '<IMAGE>', description: 'Name or ID of the image' }],
    options: [
      { flags: '--human-readable', description: 'Print the size in a human-friendly format' },
      { flags: '--max-column-width <integer>', description: 'Widest value column before wrapping', default: '80' },
    ],
    output: 'record',
  },
  parse: ({ opts, args }) => ({
    image: args[0] as string,
    humanReadable: opts.humanReadable === true,
    maxColumnWidth: parseInteger('--max-column-width', opts.maxColumnWidth as string),
  }),
  async run(options, deps) {
    const api = await deps.image();
    const image = await findImage(api.images, options.image, { keepNotFound: deps.globals.imageApiVersion === 2 });
    printImage(deps, image, { humanReadable: options.humanReadable, maxColumnWidth: options.maxColumnWidth });
  },
});

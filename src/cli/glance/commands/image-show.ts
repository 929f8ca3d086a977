import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { integer, presence, withDefault } from '../../flags/flag.js';
import { printImage } from '../support/image-views.js';

export const imageShow = command({
  spec: {
    name: 'image-show',
    summary: 'Describe a specific image (by name or ID).',
    example: 'glance image-show fedora-19',
    args: { image: requiredArg('<IMAGE>', 'Name or ID of the image') },
    options: {
      humanReadable: presence('--human-readable', 'Print the size in a human-friendly format'),
      maxColumnWidth: withDefault(integer('--max-column-width <integer>', 'Widest value column before wrapping', { min: 1 }, { default: '80' }), 80),
    },
    output: 'record',
  },
  parse: ({ flags, args }) => ({ image: args.image, ...flags }),
  async run(options, deps) {
    const api = await deps.image();
    const image = await deps.glance.findImage(api.images, options.image);
    printImage(deps, image, { humanReadable: options.humanReadable, maxColumnWidth: options.maxColumnWidth });
  },
});

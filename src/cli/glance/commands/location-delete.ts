import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { texts, requireFlags } from '../../flags/flag.js';
import { withLocationErrors } from '../support/v2-commands.js';

export interface Options {
  image: string;
  urls: string[];
}

export const locationDelete = command({
  spec: {
    name: 'location-delete',
    glanceclientErrors: true,
    summary: 'Remove locations (and related metadata) from an image.',
    example: 'glance location-delete <IMAGE_ID> --url http://example.com/fedora-19.qcow2',
    args: { image: requiredArg('<IMAGE_ID>', 'ID of image whose locations are to be removed.') },
    options: { url: texts('--url <URL>', 'URL of location to remove. May be used multiple times.') },
    output: 'none',
  },
  parse({ flags, args }): Options {
    requireFlags({ '--url': flags.url });
    return { image: args.image, urls: flags.url };
  },
  async run(options, deps) {
    const api = await deps.image();
    await withLocationErrors(api.locations.remove(await deps.glance.imageId(api.images, options.image), options.urls));
  },
});

import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { imageIdFor, missingFlag, withLocationErrors } from '../support/v2-commands.js';

export interface Options {
  image: string;
  urls: string[];
}

export const locationDelete = command<Options>({
  spec: {
    name: 'location-delete',
    summary: 'Remove locations (and related metadata) from an image.',
    example: 'glance location-delete <IMAGE_ID> --url http://example.com/fedora-19.qcow2',
    args: [{ name: '<IMAGE_ID>', description: 'ID of image whose locations are to be removed.' }],
    options: [{ flags: '--url <URL>', description: 'URL of location to remove. May be used multiple times.', repeatable: true }],
    output: 'none',
  },
  parse({ opts, args }) {
    const urls = (opts.url as string[] | undefined) ?? [];
    if (urls.length === 0) throw missingFlag('glance location-delete --url <URL> <IMAGE_ID>', '--url');
    return { image: args[0] as string, urls };
  },
  async run(options, deps: Deps) {
    const api = await deps.image();
    await withLocationErrors(api.locations.remove(await imageIdFor(deps, options.image), options.urls));
  },
});

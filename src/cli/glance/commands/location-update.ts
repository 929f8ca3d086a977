import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { imageIdFor, parseMetadata, printDict, requiredUrl, withLocationErrors } from '../support/v2-commands.js';

export interface Options {
  image: string;
  url: string;
  metadata: Record<string, unknown>;
}

export const locationUpdate = command<Options>({
  spec: {
    name: 'location-update',
    summary: "Update metadata of an image's location.",
    example: `glance location-update <IMAGE_ID> --url http://example.com/fedora-19.qcow2 --metadata '{"store": "web"}'`,
    args: [{ name: '<IMAGE_ID>', description: 'ID of image whose location is to be updated.' }],
    options: [
      { flags: '--url <URL>', description: 'URL of location to update.' },
      { flags: '--metadata <STRING>', description: 'Metadata associated with the location. Must be a valid JSON object (default: {})', default: '{}' },
    ],
    output: 'record',
  },
  parse: ({ opts, args }) => ({ image: args[0] as string, url: requiredUrl(opts.url, 'glance location-update --url <URL> [--metadata <STRING>] <IMAGE_ID>'), metadata: parseMetadata(opts.metadata as string) }),
  async run(options, deps: Deps) {
    // glanceclient warns on stdout, before the record.
    if (Object.keys(options.metadata).length === 0) deps.stdout.write("WARNING -- The location's metadata will be updated to an empty JSON object.\n");
    const api = await deps.image();
    const image = await withLocationErrors(api.locations.update(await imageIdFor(deps, options.image), options.url, options.metadata));
    printDict(deps, image);
  },
});

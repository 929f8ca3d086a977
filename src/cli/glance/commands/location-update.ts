import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { text, withDefault, requireFlags } from '../../flags/flag.js';
import { parseMetadata, printDict, withLocationErrors } from '../support/v2-commands.js';

export interface Options {
  image: string;
  url: string;
  metadata: Record<string, unknown>;
}

export const locationUpdate = command({
  spec: {
    name: 'location-update',
    glanceclientErrors: true,
    summary: "Update metadata of an image's location.",
    example: `glance location-update <IMAGE_ID> --url http://example.com/fedora-19.qcow2 --metadata '{"store": "web"}'`,
    args: { image: requiredArg('<IMAGE_ID>', 'ID of image whose location is to be updated.') },
    options: {
      url: text('--url <URL>', 'URL of location to update.'),
      metadata: withDefault(text('--metadata <STRING>', 'Metadata associated with the location. Must be a valid JSON object (default: {})'), '{}'),
    },
    output: 'record',
  },
  parse({ flags, args }): Options {
    requireFlags({ '--url': flags.url });
    return { image: args.image, url: flags.url!, metadata: parseMetadata(flags.metadata) };
  },
  async run(options, deps) {
    // glanceclient warns on stdout, before the record.
    if (Object.keys(options.metadata).length === 0) deps.stdout.write("WARNING -- The location's metadata will be updated to an empty JSON object.\n");
    const api = await deps.image();
    const image = await withLocationErrors(api.locations.update(await deps.glance.imageId(api.images, options.image), options.url, options.metadata));
    printDict(deps, image);
  },
});

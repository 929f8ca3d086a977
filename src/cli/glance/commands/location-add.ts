import type { ValidationData } from '../../../api/image/locations.js';
import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { text, withDefault, requireFlags } from '../../flags/flag.js';
import { parseMetadata, printDict } from '../support/v2-commands.js';

export interface Options {
  image: string;
  url: string;
  metadata: Record<string, unknown>;
  validation: ValidationData;
}

export const locationAdd = command({
  spec: {
    name: 'location-add',
    glanceclientErrors: true,
    summary: 'Add a location (and related metadata) to an image.',
    example: 'glance location-add <IMAGE_ID> --url http://example.com/fedora-19.qcow2',
    args: { image: requiredArg('<IMAGE_ID>', 'ID of image to which the location is to be added.') },
    options: {
      url: text('--url <URL>', 'URL of location to add.'),
      metadata: withDefault(text('--metadata <STRING>', 'Metadata associated with the location. Must be a valid JSON object (default: {})'), '{}'),
      checksum: text('--checksum <STRING>', 'md5 checksum of image contents'),
      hashAlgo: text('--hash-algo <STRING>', 'Multihash algorithm'),
      hashValue: text('--hash-value <STRING>', 'Multihash value'),
    },
    output: 'record',
  },
  parse({ flags, args }): Options {
    requireFlags({ '--url': flags.url });
    const validation: ValidationData = {};
    if (flags.checksum) validation.checksum = flags.checksum;
    if (flags.hashAlgo) validation.os_hash_algo = flags.hashAlgo;
    if (flags.hashValue) validation.os_hash_value = flags.hashValue;
    return { image: args.image, url: flags.url!, metadata: parseMetadata(flags.metadata), validation };
  },
  async run(options, deps) {
    const api = await deps.image();
    const image = await api.locations.add(await deps.glance.imageId(api.images, options.image), options.url, options.metadata, options.validation);
    printDict(deps, image);
  },
});

import type { ValidationData } from '../../../api/image/locations.js';
import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { imageIdFor, parseMetadata, printDict, requiredUrl } from '../support/v2-commands.js';

export interface Options {
  image: string;
  url: string;
  metadata: Record<string, unknown>;
  validation: ValidationData;
}

const USAGE = `glance location-add --url <URL> [--metadata <STRING>]
                           [--checksum <STRING>] [--hash-algo <STRING>]
                           [--hash-value <STRING>]
                           <IMAGE_ID>`;

export const locationAdd = command<Options>({
  spec: {
    name: 'location-add',
    summary: 'Add a location (and related metadata) to an image.',
    example: 'glance location-add <IMAGE_ID> --url http://example.com/fedora-19.qcow2',
    args: [{ name: '<IMAGE_ID>', description: 'ID of image to which the location is to be added.' }],
    options: [
      { flags: '--url <URL>', description: 'URL of location to add.' },
      { flags: '--metadata <STRING>', description: 'Metadata associated with the location. Must be a valid JSON object (default: {})', default: '{}' },
      { flags: '--checksum <STRING>', description: 'md5 checksum of image contents' },
      { flags: '--hash-algo <STRING>', description: 'Multihash algorithm' },
      { flags: '--hash-value <STRING>', description: 'Multihash value' },
    ],
    output: 'record',
  },
  parse({ opts, args }) {
    const validation: ValidationData = {};
    if (opts.checksum) validation.checksum = opts.checksum as string;
    if (opts.hashAlgo) validation.os_hash_algo = opts.hashAlgo as string;
    if (opts.hashValue) validation.os_hash_value = opts.hashValue as string;
    return { image: args[0] as string, url: requiredUrl(opts.url, USAGE), metadata: parseMetadata(opts.metadata as string), validation };
  },
  async run(options, deps: Deps) {
    const api = await deps.image();
    const image = await api.locations.add(await imageIdFor(deps, options.image), options.url, options.metadata, options.validation);
    printDict(deps, image);
  },
});

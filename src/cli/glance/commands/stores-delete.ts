import { CliError, HttpError } from '../../../errors.js';
import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { text, requireFlags } from '../../flags/flag.js';

export interface Options {
  image: string;
  store: string;
}

export const storesDelete = command({
  spec: {
    name: 'stores-delete',
    glanceclientErrors: true,
    summary: 'Delete image from specific store.',
    example: 'glance stores-delete --store cheap <IMAGE_ID>',
    args: { image: requiredArg('<IMAGE_ID>', 'ID of image to update.') },
    options: { store: text('--store <STORE_ID>', 'Store to delete image from.') },
    output: 'none',
  },
  parse({ flags, args }): Options {
    requireFlags({ '--store': flags.store });
    return { image: args.image, store: flags.store! };
  },
  async run(options, deps) {
    const api = await deps.image();
    const id = await deps.glance.imageId(api.images, options.image);
    try {
      await api.stores.deleteImage(options.store, id);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      // glanceclient's words: a 404 is either no multi-store support or no such image or store.
      if (err.status === 404) throw new CliError('Multi Backend support is not enabled or Image/store not found.');
      throw new CliError(`Unable to delete image '${options.image}' from store '${options.store}'. (${err.message})`);
    }
  },
});

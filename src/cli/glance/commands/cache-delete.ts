import { command } from '../../command.js';
import { variadicArg } from '../../flags/args.js';
import { forEachImage } from '../support/cache-commands.js';

export const cacheDelete = command({
  spec: {
    name: 'cache-delete',
    glanceclientErrors: true,
    summary: 'Delete image from cache/caching queue.',
    example: 'glance cache-delete <IMAGE_ID>',
    args: { images: variadicArg('<IMAGE_ID...>', 'ID of image(s) to delete from cache/queue.') },
    output: 'none',
  },
  parse: ({ args }) => ({ images: args.images }),
  run: (options, deps) =>
    forEachImage(
      deps,
      options.images,
      {
        forbidden: (id) => `You are not permitted to delete the image '${id}' from cache.`,
        failed: (detail, id) => `'${detail}': Unable to delete image '${id}' from cache.`,
      },
      (api, id) => api.cache.delete(id),
    ),
});

import { command } from '../../command.js';
import { variadicArg } from '../../flags/args.js';
import { forEachImage } from '../support/cache-commands.js';

export const cacheQueue = command({
  spec: {
    name: 'cache-queue',
    glanceclientErrors: true,
    summary: 'Queue image(s) for caching.',
    example: 'glance cache-queue <IMAGE_ID>',
    args: { images: variadicArg('<IMAGE_ID...>', 'ID of image(s) to queue for caching.') },
    output: 'none',
  },
  parse: ({ args }) => ({ images: args.images }),
  run: (options, deps) =>
    forEachImage(
      deps,
      options.images,
      {
        forbidden: (id) => `You are not permitted to queue the image '${id}' for caching.`,
        failed: (detail, id) => `'${detail}': Unable to queue image '${id}' for caching.`,
      },
      (api, id) => api.cache.queue(id),
    ),
});

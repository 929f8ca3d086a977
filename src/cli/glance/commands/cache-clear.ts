import { CACHE_TARGETS, type CacheTarget } from '../../../api/image/cache.js';
import { HttpError } from '../../../errors.js';
import { command } from '../../command.js';
import { choice, withDefault } from '../../flags/flag.js';
import { cacheApi, isHttpFailure } from '../support/cache-commands.js';

export interface Options {
  target: CacheTarget;
}

export const cacheClear = command({
  spec: {
    name: 'cache-clear',
    glanceclientErrors: true,
    summary: 'Clear all images from cache, queue or both',
    example: 'glance cache-clear --target queue',
    options: { target: withDefault(choice('--target <TARGET>', 'Specify which target you want to clear', CACHE_TARGETS), 'both') },
    output: 'none',
  },
  parse: ({ flags }): Options => ({ target: flags.target }),
  async run(options, deps) {
    try {
      await (await cacheApi(deps)).cache.clear(options.target);
    } catch (err) {
      // glanceclient reports the failure and still exits 0; the runbook dialect exits 1.
      if (err instanceof HttpError && err.status === 403) deps.notice('You are not permitted to delete image(s) from cache.');
      else if (isHttpFailure(err)) deps.notice(`'${err.message}': Unable to delete image(s) from cache.`);
      else throw err;
      return deps.glance.apiVersion === 1 ? 1 : 0;
    }
  },
});

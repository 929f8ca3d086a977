import type { ImageApi } from '../../../api/image/index.js';
import { CliError, HttpError, messageOf } from '../../../errors.js';
import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { variadicArg } from '../../flags/args.js';

/** glanceclient's per-image messages for the statuses a delete commonly meets. */
function failure(err: unknown, id: string): string {
  if (err instanceof HttpError) {
    if (err.status === 403) return `You are not permitted to delete the image '${id}'.`;
    if (err.status === 404) return `No image with an ID of '${id}' exists.`;
    if (err.status === 409) return `Unable to delete image '${id}' because it is in use.`;
    return `'${err.message}': Unable to delete image '${id}'`;
  }
  return messageOf(err);
}

async function deleteOne(api: ImageApi, deps: Deps, nameOrId: string): Promise<void> {
  await api.images.delete(await deps.glance.imageId(api.images, nameOrId));
}

export const imageDelete = command({
  spec: {
    name: 'image-delete',
    summary: 'Delete images (by name or ID); carries on past failures and exits 1 if any failed.',
    example: 'glance image-delete fedora-19',
    args: { images: variadicArg('<IMAGE...>', 'Names or IDs of the images to delete') },
    output: 'none',
  },
  parse: ({ args }) => ({ images: args.images }),
  async run(options, deps) {
    const api = await deps.image();
    let failed = false;
    for (const image of options.images) {
      try {
        await deleteOne(api, deps, image);
      } catch (err) {
        if (!(err instanceof CliError)) throw err;
        failed = true;
        deps.notice(failure(err, image));
      }
    }
    return failed ? 1 : 0;
  },
});

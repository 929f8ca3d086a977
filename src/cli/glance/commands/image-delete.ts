import type { ImageApi } from '../../../api/image/index.js';
import { CliError, HttpError, messageOf } from '../../../errors.js';
import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { findImage } from '../support/find-image.js';

export interface Options {
  images: string[];
}

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
  // The v2 dialect sends the ID as given, as glanceclient does; the runbook's also takes names.
  const id = deps.globals.imageApiVersion === 2 ? nameOrId : (await findImage(api.images, nameOrId)).id;
  await api.images.delete(id);
}

export const imageDelete = command<Options>({
  spec: {
    name: 'image-delete',
    summary: 'Delete images (by name or ID); carries on past failures and exits 1 if any failed.',
    example: 'glance image-delete fedora-19',
    args: [{ name: '<IMAGE...>', description: 'Names or IDs of the images to delete' }],
    output: 'none',
  },
  parse: ({ args }) => ({ images: args[0] as string[] }),
  async run(options, deps) {
    const api = await deps.image();
    let failed = false;
    for (const image of options.images) {
      try {
        await deleteOne(api, deps, image);
      } catch (err) {
        if (!(err instanceof CliError)) throw err;
        failed = true;
        deps.stderr.write(failure(err, image) + '\n');
      }
    }
    return failed ? 1 : 0;
  },
});

// An image named on the command line by ID or by name, as the classic v1 client resolved it
// (glanceclient's utils.find_resource, which its v1 shell used for every IMAGE argument).
import type { Image, ImagesApi } from '../../../api/image/images.js';
import { CliError, HttpError } from '../../../errors.js';

export async function findImage(images: ImagesApi, nameOrId: string): Promise<Image> {
  try {
    return await images.get(nameOrId);
  } catch (err) {
    if (!(err instanceof HttpError) || err.status !== 404) throw err;
  }
  const matches = await images.list({ name: nameOrId });
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new CliError(`Multiple image matches found for '${nameOrId}', use an ID to be more specific.`);
  throw new CliError(`No image with a name or ID of '${nameOrId}' exists.`);
}

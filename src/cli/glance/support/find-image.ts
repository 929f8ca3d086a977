// An image named on the command line by ID or by name, as the classic client resolved it.
import type { Image, ImagesApi } from '../../../api/image/images.js';
import { CliError, HttpError } from '../../../errors.js';

export interface FindOptions {
  /**
   * python-glanceclient 4.x looks up IDs only: when nothing matches, keep the server's 404
   * (`HTTP 404 Not Found: No image found with ID …`) so the v2 dialect prints what it printed.
   */
  keepNotFound?: boolean;
}

export async function findImage(images: ImagesApi, nameOrId: string, options: FindOptions = {}): Promise<Image> {
  let notFound: HttpError;
  try {
    return await images.get(nameOrId);
  } catch (err) {
    if (!(err instanceof HttpError) || err.status !== 404) throw err;
    notFound = err;
  }
  const matches = await images.list({ name: nameOrId });
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new CliError(`Multiple image matches found for '${nameOrId}', use an ID to be more specific.`);
  if (options.keepNotFound) throw notFound;
  throw new CliError(`No image with a name or ID of '${nameOrId}' exists.`);
}

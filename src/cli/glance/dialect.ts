// The glance output dialect, chosen once from --os-image-api-version / OS_IMAGE_API_VERSION:
// 1 is the runbook's (v1 field names; every IMAGE argument is a name or an ID, as the classic v1
// client resolved it), 2 is python-glanceclient 4.1.0's (its records and lists; every IMAGE argument
// is an ID, sent as given: its v2 shell resolves no names). Commands ask this object instead of
// testing the version.
import type { ImagesApi, Image } from '../../api/image/images.js';
import type { RecordView } from '../../output/views.js';
import { findImage } from './support/find-image.js';
import { type ImageListLayout, type ListOptions, v1ListLayout, v1Record, v2ListLayout, v2Record, type RecordOptions } from './support/image-views.js';

export interface GlanceDialect {
  readonly apiVersion: 1 | 2;
  /** The image an IMAGE argument names (commands that read the image record first). */
  findImage(images: ImagesApi, nameOrId: string): Promise<Image>;
  /** The ID to send for an IMAGE argument (commands that only act on it). */
  imageId(images: ImagesApi, nameOrId: string): Promise<string>;
  /** An image as image-show/create/update print it. */
  imageRecord(image: Image, options: RecordOptions): RecordView;
  /** Images as image-list prints them: its columns, and one image's row. */
  imageList(options: ListOptions): ImageListLayout;
}

/** The runbook's glance: names resolve to IDs everywhere, v1 records. */
const runbookDialect: GlanceDialect = {
  apiVersion: 1,
  findImage: (images, nameOrId) => findImage(images, nameOrId),
  imageId: async (images, nameOrId) => (await findImage(images, nameOrId)).id,
  imageRecord: v1Record,
  imageList: v1ListLayout,
};

/** python-glanceclient 4.1.0: IDs only, a missing one is the server's 404 (`No image found with ID …`). */
const glanceclientDialect: GlanceDialect = {
  apiVersion: 2,
  findImage: (images, id) => images.get(id),
  imageId: async (_images, id) => id,
  imageRecord: v2Record,
  imageList: v2ListLayout,
};

export function glanceDialect(apiVersion: 1 | 2): GlanceDialect {
  return apiVersion === 2 ? glanceclientDialect : runbookDialect;
}

import { Transform } from 'node:stream';
import type { ImageApi } from '../../../api/image/index.js';
import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { requiredArg } from '../../flags/args.js';
import { byteCount, presence, text } from '../../flags/flag.js';
import { CONTENT_CHECK_FLAGS, checkImageData } from '../support/content-check.js';
import { imageSource, type ImageSource } from '../support/local-data-source.js';

/** PUT the data to the image's staging area, with glanceclient's progress bar on a terminal. */
export async function stageData(
  deps: Pick<Deps, 'progress'>,
  api: ImageApi,
  id: string,
  source: ImageSource,
  options: { progress: boolean; size?: number },
): Promise<void> {
  const size = source.size ?? options.size;
  const bar = deps.progress(options.progress, size);
  // Staging verifies nothing here (the import does), so the data is only counted for the bar.
  const counting = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bar.advance(chunk.length);
      done(null, chunk);
    },
  });
  const data = source.open();
  data.on('error', (err) => counting.destroy(err));
  try {
    await api.imports.stage(id, data.pipe(counting), size);
  } finally {
    bar.done();
  }
}

export const imageStage = command({
  spec: {
    name: 'image-stage',
    summary: 'Upload data for a specific image to staging (then run image-import).',
    example: 'glance image-stage <IMAGE_ID> --file fedora-19.x86_64.qcow2',
    args: { image: requiredArg('<IMAGE_ID>', 'ID of image to upload data to.') },
    options: {
      file: text('--file <FILE>', 'Local file that contains disk image to be uploaded (else stdin, when it is a pipe or a file).'),
      size: byteCount('--size <IMAGE_SIZE>', 'Size in bytes of image to be uploaded, when it cannot be told from the data.'),
      progress: presence('--progress', 'Show upload progress bar (stderr, terminal only).'),
      ...CONTENT_CHECK_FLAGS,
    },
    output: 'none',
  },
  parse: ({ flags, args }) => ({ image: args.image, ...flags }),
  async run(options, deps) {
    const given = imageSource(options.file, deps);
    // glanceclient stages an empty body here and leaves the image in 'uploading'; we refuse.
    if (!given) throw new CliError('error: No image data: give --file <FILE> or pipe the data on stdin.');
    const api = await deps.image();
    const id = await deps.glance.imageId(api.images, options.image);
    // An image that is not there is left to the stage request to report, in glanceclient's words.
    const declared = (await api.images.find(id))?.disk_format ?? undefined;
    const { source = given } = await checkImageData(deps, { source: given, declared }, options);
    await stageData(deps, api, id, source, { progress: options.progress, size: options.size });
  },
});

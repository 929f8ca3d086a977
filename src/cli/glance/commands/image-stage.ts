import { Transform } from 'node:stream';
import type { ImageApi } from '../../../api/image/index.js';
import { CliError } from '../../../errors.js';
import { progressBar } from '../../../output/progress.js';
import { command } from '../../command.js';
import type { Deps } from '../../deps.js';
import { parseInteger } from '../support/image-flags.js';
import { imageSource, type ImageSource } from '../support/local-data-source.js';
import { imageIdFor } from '../support/v2-commands.js';

export interface Options {
  image: string;
  file?: string;
  size?: number;
  progress: boolean;
}

/** PUT the data to the image's staging area, with glanceclient's progress bar on a terminal. */
export async function stageData(deps: Pick<Deps, 'stderr' | 'tty'>, api: ImageApi, id: string, source: ImageSource, options: { progress: boolean; size?: number }): Promise<void> {
  const size = source.size ?? options.size;
  const bar = progressBar(deps.stderr, options.progress && deps.tty.stderr, size);
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

export const imageStage = command<Options>({
  spec: {
    name: 'image-stage',
    summary: 'Upload data for a specific image to staging (then run image-import).',
    example: 'glance image-stage <IMAGE_ID> --file fedora-19.x86_64.qcow2',
    args: [{ name: '<IMAGE_ID>', description: 'ID of image to upload data to.' }],
    options: [
      { flags: '--file <FILE>', description: 'Local file that contains disk image to be uploaded (else stdin, when it is a pipe or a file).' },
      { flags: '--size <IMAGE_SIZE>', description: 'Size in bytes of image to be uploaded, when it cannot be told from the data.' },
      { flags: '--progress', description: 'Show upload progress bar (stderr, terminal only).' },
    ],
    output: 'none',
  },
  parse: ({ opts, args }) => ({
    image: args[0] as string,
    file: opts.file as string | undefined,
    size: opts.size === undefined ? undefined : parseInteger('--size', opts.size as string),
    progress: opts.progress === true,
  }),
  async run(options, deps: Deps) {
    const source = imageSource(options.file, deps);
    // glanceclient stages an empty body here and leaves the image in 'uploading'; we refuse.
    if (!source) throw new CliError('error: No image data: give --file <FILE> or pipe the data on stdin.');
    const api = await deps.image();
    await stageData(deps, api, await imageIdFor(deps, options.image), source, { progress: options.progress, size: options.size });
  },
});

import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import { findImage } from '../support/find-image.js';
import { parseInteger } from '../support/image-flags.js';
import { imageSource } from '../support/local-data-source.js';
import { checkUploadStore, uploadStore } from '../support/data-flags-step.js';
import { uploadData } from '../support/verified-upload.js';

export interface Options {
  image: string;
  file?: string;
  size?: number;
  store?: string;
  progress: boolean;
}

export const imageUpload = command<Options>({
  spec: {
    name: 'image-upload',
    summary: 'Upload data for an existing image (from --file, or stdin when it is a pipe or a file).',
    example: 'glance image-upload --file fedora-19.x86_64.qcow2 fedora-19',
    args: [{ name: '<IMAGE>', description: 'Name or ID of the image to upload data to' }],
    options: [
      { flags: '--file <FILE>', description: 'Local file with the image data (else stdin)' },
      { flags: '--size <IMAGE_SIZE>', description: 'Size of the data in bytes, when it cannot be told from the data' },
      { flags: '--progress', description: 'Show a progress bar on stderr (terminal only)' },
      { flags: '--store <STORE>', description: 'Backend store to upload the data to (env OS_IMAGE_STORE)' },
    ],
    output: 'none',
  },
  parse: ({ opts, args }) => ({
    image: args[0] as string,
    file: opts.file as string | undefined,
    size: opts.size === undefined ? undefined : parseInteger('--size', opts.size as string),
    store: opts.store as string | undefined,
    progress: opts.progress === true,
  }),
  async run(options, deps) {
    const source = imageSource(options.file, deps);
    if (!source) throw new CliError('No image data: give --file FILE, or pipe the data into stdin.');
    const api = await deps.image();
    await checkUploadStore(api, options.store, source, deps.env);
    const image = await findImage(api.images, options.image, { keepNotFound: deps.globals.imageApiVersion === 2 });
    await uploadData(deps, api, image, source, { created: false, store: uploadStore(options.store, deps.env), progress: options.progress, size: options.size });
  },
});

import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { byteCount, presence, text } from '../../flags/flag.js';
import { CONTENT_CHECK_FLAGS, checkImageData } from '../support/content-check.js';
import { imageSource } from '../support/local-data-source.js';
import { checkUploadStore, uploadStore } from '../support/data-flags-step.js';
import { uploadData } from '../support/verified-upload.js';

export const imageUpload = command({
  spec: {
    name: 'image-upload',
    summary: 'Upload data for an existing image (from --file, or stdin when it is a pipe or a file).',
    example: 'glance image-upload --file fedora-19.x86_64.qcow2 fedora-19',
    args: { image: requiredArg('<IMAGE>', 'Name or ID of the image to upload data to') },
    options: {
      file: text('--file <FILE>', 'Local file with the image data (else stdin)'),
      size: byteCount('--size <IMAGE_SIZE>', 'Size of the data in bytes, when it cannot be told from the data'),
      progress: presence('--progress', 'Show a progress bar on stderr (terminal only)'),
      store: text('--store <STORE>', 'Backend store to upload the data to (env OS_IMAGE_STORE)'),
      ...CONTENT_CHECK_FLAGS,
    },
    output: 'none',
  },
  parse: ({ flags, args }) => ({ image: args.image, ...flags }),
  async run(options, deps) {
    const given = imageSource(options.file, deps);
    if (!given) throw new CliError('No image data: give --file FILE, or pipe the data into stdin.');
    const api = await deps.image();
    await checkUploadStore(api, options.store, given, deps.env);
    const image = await deps.glance.findImage(api.images, options.image);
    const declared = typeof image.disk_format === 'string' ? image.disk_format : undefined;
    const { source = given } = await checkImageData(deps, { source: given, declared }, options);
    await uploadData(deps, api, image, source, { created: false, store: uploadStore(options.store, deps.env), progress: options.progress, size: options.size });
  },
});

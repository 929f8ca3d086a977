import type { Image, PatchOp } from '../../../api/image/images.js';
import { CliError } from '../../../errors.js';
import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { noneInGlanceclient, notInGlanceclient, presence, texts } from '../../flags/flag.js';
import { AUTO_DISK_FORMAT, checkImageData, fieldsBeforeInspection } from '../support/content-check.js';
import { attachData, checkOneDataSource, checkUploadStore, requireFormats } from '../support/data-flags-step.js';
import { checkedDataFlags, IMAGE_DATA_FLAGS, IMAGE_PROPERTY_FLAGS, parseImageFlags, type ImageDataFlags } from '../support/image-flags.js';
import { imageSource } from '../support/local-data-source.js';
import { checkSchemaFields } from '../support/schema-check.js';
import { customProperties, printImage } from '../support/image-views.js';

export interface Options {
  image: string;
  fields: Record<string, unknown>;
  removeProperties: string[];
  purgeProps: boolean;
  humanReadable: boolean;
  /** v1: data for an image that has none yet (--file, --location, --copy-from). */
  data: ImageDataFlags;
}

const pointer = (key: string): string => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The JSON patch glanceclient (warlock) sends: replace what exists, add what does not, remove what is asked and present. */
export function updatePatch(image: Image, options: Pick<Options, 'fields' | 'removeProperties' | 'purgeProps'>): PatchOp[] {
  const ops: PatchOp[] = [];
  for (const [key, value] of Object.entries(options.fields)) {
    if (!(key in image)) ops.push({ op: 'add', path: pointer(key), value });
    else if (!same(image[key], value)) ops.push({ op: 'replace', path: pointer(key), value });
  }
  const remove = new Set(options.removeProperties);
  // v1 --purge-props: custom properties not given on this command line go.
  if (options.purgeProps) for (const [key] of customProperties(image)) remove.add(key);
  for (const key of remove) if (key in image && !(key in options.fields)) ops.push({ op: 'remove', path: pointer(key) });
  return ops;
}

export const imageUpdate = command({
  spec: {
    name: 'image-update',
    summary: 'Update an existing image (by name or ID).',
    example: 'glance image-update --property os_distro=fedora fedora-19',
    args: { image: requiredArg('<IMAGE>', 'Name or ID of the image to update') },
    options: {
      ...IMAGE_PROPERTY_FLAGS,
      // glanceclient's image-update leaves these schema properties out.
      id: notInGlanceclient(IMAGE_PROPERTY_FLAGS.id),
      tags: notInGlanceclient(IMAGE_PROPERTY_FLAGS.tags),
      removeProperty: texts('--remove-property <KEY>', 'Custom property to remove (repeatable)'),
      purgeProps: notInGlanceclient(presence('--purge-props', 'v1: remove every custom property not given with --property')),
      // v1: an image created without data (queued) gets it here; never from stdin, unlike image-create.
      ...noneInGlanceclient(IMAGE_DATA_FLAGS),
    },
    output: 'record',
  },
  parse: ({ flags, args }): Options => {
    const data = checkedDataFlags(flags);
    checkOneDataSource(data);
    return {
      image: args.image,
      fields: parseImageFlags(flags).fields,
      removeProperties: flags.removeProperty,
      purgeProps: flags.purgeProps,
      humanReadable: data.humanReadable,
      data,
    };
  },
  async run(options, deps) {
    const { data } = options;
    // Data only from the flags: an update in a script must not upload whatever its stdin holds.
    const source = data.file === undefined ? undefined : imageSource(data.file, deps);
    const origin = source ? '--file' : data.location ? '--location' : data.copyFrom ? '--copy-from' : undefined;
    if (data.store && !source) throw new CliError('--store option should only be provided with --file option.');
    const api = await deps.image();
    await checkUploadStore(api, data.store, source, deps.env);
    const auto = options.fields.disk_format === AUTO_DISK_FORMAT;
    // The format `auto` stands for is checked by Glance when it is set.
    checkSchemaFields(await api.schemas.imageSchema(), fieldsBeforeInspection(options.fields));
    const image = await deps.glance.findImage(api.images, options.image);
    if (origin) {
      // Checked before the update: Glance takes data only once, and a refusal must change nothing.
      if (image.status !== 'queued')
        throw new CliError(`Image ${image.id} is ${String(image.status)}: ${origin} can give data only to an image that has none yet (status queued).`);
      requireFormats({ ...image, ...options.fields }, origin);
    }
    const merged = { ...image, ...options.fields };
    const declared = typeof merged.disk_format === 'string' ? merged.disk_format : undefined;
    const checked = await checkImageData(deps, { source, url: data.location ?? data.copyFrom, declared }, data);
    const fields = auto ? { ...options.fields, disk_format: checked.diskFormat } : options.fields;
    const updated = await api.images.update(image.id, updatePatch(image, { ...options, fields }));
    printImage(deps, await attachData(deps, api, updated, data, checked.source, false), { humanReadable: options.humanReadable });
  },
});

import type { Image, PatchOp } from '../../api/image/images.js';
import { command } from '../command.js';
import { findImage } from './find-image.js';
import { IMAGE_PROPERTY_OPTIONS, parseImageFlags } from './image-flags.js';
import { checkImageFields } from './schema-check.js';
import { customProperties, printImage } from './views.js';

export interface Options {
  image: string;
  fields: Record<string, unknown>;
  removeProperties: string[];
  purgeProps: boolean;
  humanReadable: boolean;
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

export const imageUpdate = command<Options>({
  spec: {
    name: 'image-update',
    summary: 'Update an existing image (by name or ID).',
    example: 'glance image-update --property os_distro=fedora fedora-19',
    args: [{ name: '<IMAGE>', description: 'Name or ID of the image to update' }],
    options: [
      ...IMAGE_PROPERTY_OPTIONS,
      { flags: '--remove-property <KEY>', description: 'Custom property to remove (repeatable)', repeatable: true },
      { flags: '--purge-props', description: 'v1: remove every custom property not given with --property' },
      { flags: '--human-readable', description: 'Print the size in a human-friendly format' },
    ],
    output: 'record',
  },
  parse: ({ opts, args }) => ({
    image: args[0] as string,
    fields: parseImageFlags(opts).fields,
    removeProperties: (opts.removeProperty as string[] | undefined) ?? [],
    purgeProps: opts.purgeProps === true,
    humanReadable: opts.humanReadable === true,
  }),
  async run(options, deps) {
    const api = await deps.image();
    checkImageFields(await api.schemas.imageSchema(), options.fields);
    const image = await findImage(api.images, options.image, { keepNotFound: deps.globals.imageApiVersion === 2 });
    const updated = await api.images.update(image.id, updatePatch(image, options));
    printImage(deps, updated, { humanReadable: options.humanReadable });
  },
});

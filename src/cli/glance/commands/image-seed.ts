import { command } from '../../command.js';
import { requiredArg } from '../../flags/args.js';
import { choice, integer, noneInGlanceclient, withDefault } from '../../flags/flag.js';
import { ROTATE_MODES, type RotateMode } from '../support/reuse-existing.js';

export interface Options {
  manifest: string;
  parallel: number;
  rotate?: RotateMode;
}

export const imageSeed = command({
  spec: {
    name: 'image-seed',
    summary: 'Seed the images a manifest lists: each inspected, verified and uploaded once (reused when already there), several at a time.',
    example: 'glance image-seed images.yaml --parallel 4',
    args: { manifest: requiredArg('<MANIFEST>', 'YAML or JSON file listing the images (see README, "Seeding images").') },
    // Ours alone: python-glanceclient has no such command.
    notInGlanceclient: true,
    options: noneInGlanceclient({
      parallel: withDefault(integer('--parallel <N>', 'Images seeded at the same time (default 4)', { min: 1 }), 4),
      rotate: choice('--rotate <MODE>', 'Once an image is active, hide (os_hidden) or delete the older images of its name in your project', ROTATE_MODES),
    }),
    output: 'list',
  },
  parse: ({ args, flags }): Options => ({ manifest: args.manifest, parallel: flags.parallel, rotate: flags.rotate }),
  async run(options, deps) {
    // The manifest reader (and the yaml library) load only when this command runs.
    const { seedManifest } = await import('../support/seed-run.js');
    return seedManifest(options, deps);
  },
});

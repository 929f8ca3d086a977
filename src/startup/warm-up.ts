// Runs `glance image-list` once while the start-up snapshot is built, on canned images and into a
// discarded printer, through a commander tree of its own (the prepared ones stay untouched). The
// functions on that path are compiled then and kept in the snapshot, so a real run does not
// compile them first: about 1 ms of a cached image-list's ~46 ms. A change that breaks this run
// fails the build (an unhandled rejection ends `node --build-snapshot`).
import type { ImageApi } from '../api/image/index.js';
import type { CommandModule } from '../cli/command.js';
import type { Deps } from '../cli/deps.js';
import { globalsFrom } from '../cli/globals.js';
import { dialectStyle } from '../cli/make-deps.js';
import { buildProgram } from '../cli/program.js';
import { glanceDialect } from '../cli/glance/dialect.js';
import { printOptions } from '../cli/output-flags.js';
import { Printer } from '../output/printer.js';

const CANNED_IMAGES = [1, 2, 3].map((n) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  name: `warm-up-${n}`,
  disk_format: 'qcow2',
  container_format: 'bare',
  size: 196_616 * n,
  status: 'active',
}));

const unavailable = async (): Promise<never> => {
  throw new Error('not available while the snapshot is built');
};

export async function warmUpImageList(glanceCommands: readonly CommandModule[]): Promise<void> {
  const program = buildProgram('glance', '', '', glanceCommands, async (module, options, output, globalFlags) => {
    const print = new Printer({ write: () => undefined }, dialectStyle('glance'), printOptions(output));
    await print.ready();
    const globals = globalsFrom(globalFlags, {}, 'glance');
    const deps: Deps = {
      dialect: 'glance',
      glance: glanceDialect(globals.imageApiVersion),
      globals,
      stdout: { write: () => undefined },
      stderr: { write: () => undefined },
      notice: () => undefined,
      get rawStdout(): NodeJS.WritableStream {
        throw new Error('no stdout stream while the snapshot is built');
      },
      stdinData: () => undefined,
      tty: { stdin: false, stdout: false, stderr: false },
      env: {},
      print,
      session: unavailable,
      identity: unavailable,
      image: async () =>
        ({
          images: {
            each: async (_query: unknown, _options: unknown, visit: (image: unknown) => void) => {
              for (const image of CANNED_IMAGES) visit(image);
            },
          },
        }) as unknown as ImageApi,
      promptSecret: unavailable,
      progress: () => ({ advance: () => undefined, done: () => undefined }),
      statusLines: () => ({ set: () => undefined, done: () => undefined }),
      spinner: async () => undefined,
      onInterrupt: () => () => undefined,
    };
    await module.run(options, deps);
  });
  for (const cmd of [program, ...program.commands]) cmd.exitOverride();
  await program.parseAsync(['image-list'], { from: 'user' });
}

// A cached command printed from the answer that was on its way before the program loaded (issue
// 16): the run before, with the same inputs, ran a command whose output came from one GET's answer
// alone (its spec says `replay`) and left the command's options and the printer's here. This runs
// that same command module with those options on deps that hold that one answer
// (src/session/early-answer.ts): the same decoding, listing and printing code as the program's, so
// the same output. Anything it cannot do so (another request, an answer but 200, a new page, an
// unexpected deps member) happens before anything is printed: the program then runs as it would have,
// its first request given the early answer as the replay met it (it is not asked, nor waited for, again).
import { bool, type Guard, list, obj, oneOf, optional, ShapeError, shape, str } from '../http/decode.js';
import { QUOTE_MODES } from '../output/formats/types.js';
import { FORMATS, Printer, type PrintOptions } from '../output/printer.js';
import type { EarlyReplay } from '../session/early-request.js';
import { NotTheEarlyAnswer } from '../session/early-answer.js';
import type { Session } from '../session/session.js';
import type { CommandModule } from './command.js';
import type { Deps, Dialect } from './deps.js';
import { dialectStyle } from './dialect-style.js';
import { glanceDialect } from './glance/dialect.js';
import type { GlobalOptions } from './globals.js';
import { onStdoutError, processStdout } from './process/stdout.js';
import { keepOutput } from './replayed-output.js';

export { exitAfterOutput } from './process/stdout.js';

/** What a run leaves to print its answer again (src/main.ts writes it, through saveRemembered). */
export interface ReplaySpec {
  command: string;
  /** The command's own options, as its parse() made them from the command line. */
  options: unknown;
  print: PrintOptions;
  verbose: boolean;
  imageApiVersion: 1 | 2;
}

const specGuard: Guard<ReplaySpec> = shape<ReplaySpec>({
  command: str,
  options: obj,
  print: shape<PrintOptions>({
    format: oneOf(FORMATS),
    columns: list(str),
    noindent: optional(bool),
    prefix: optional(str),
    quote: optional(oneOf(QUOTE_MODES)),
  }),
  verbose: bool,
  imageApiVersion: (value, at) => {
    if (value === 1 || value === 2) return value;
    throw new ShapeError(at, 'is not 1 or 2');
  },
});

/** Only these members of deps are the early answer's to give; asking for any other is not something a replay can do. */
function only<T extends object>(members: Partial<T>): T {
  return new Proxy(members, {
    get: (target, name) => {
      if (name in target) return target[name as keyof typeof target];
      throw new NotTheEarlyAnswer();
    },
  }) as T;
}

/** Prints the early answer as the command would; false (nothing printed) when the program must run instead. */
export async function replay(dialect: Dialect, early: EarlyReplay): Promise<boolean> {
  let printed = false;
  try {
    const spec = specGuard(early.replay, 'replay');
    const loaders = dialect === 'glance' ? (await import('./glance/loaders.js')).glanceLoaders : (await import('./keystone/loaders.js')).keystoneLoaders;
    const module: CommandModule | undefined = Object.hasOwn(loaders, spec.command) ? await loaders[spec.command]!() : undefined;
    if (!module?.spec.replay) return false;
    onStdoutError(dialect); // as main
    const stdout = processStdout(false);
    const output: string[] = [];
    const out = {
      write: (text: string) => {
        printed = true;
        output.push(text);
        stdout.write(text);
      },
    };
    const session = early.session as unknown as Session; // its json() alone: any other call fails, and the program runs
    const { ImagesApi } = await import('../api/image/images.js');
    const deps = only<Deps>({
      dialect,
      glance: glanceDialect(spec.imageApiVersion),
      globals: only<GlobalOptions>({ verbose: spec.verbose, imageApiVersion: spec.imageApiVersion }),
      stdout: out,
      print: new Printer(out, dialectStyle(dialect), spec.print),
      images: async () => new ImagesApi(session),
    });
    await deps.print.ready();
    if (((await module.run(spec.options, deps)) ?? 0) !== 0) throw new Error('a replayed command failed');
    await keepOutput(early, output.join(''));
    return true;
  } catch (err) {
    if (!printed) {
      early.session.giveBack();
      return false;
    }
    // Printing itself failed half-way: the program cannot take over without printing twice.
    process.stderr.write(`${dialect}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
    return true;
  }
}

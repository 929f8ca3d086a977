// The plain command-line reader (src/cli/plain-command-line.ts) stands in for commander on the lines
// it accepts: on those it must decode what commander's action receives, the lines most runs are
// must be among them, and every other line is left to commander (undefined).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommandModule } from '../../src/cli/command.js';
import type { Flag, FlagSet } from '../../src/cli/flags/flag.js';
import { glanceCommands } from '../../src/cli/glance/index.js';
import { globalFlagsFor } from '../../src/cli/globals.js';
import { keystoneCommands } from '../../src/cli/keystone/index.js';
import { OUTPUT_FLAGS } from '../../src/cli/output-flags.js';
import { plainCommandLine } from '../../src/cli/plain-command-line.js';
import { buildProgram } from '../../src/cli/program.js';

type Dialect = 'glance' | 'keystone';
const COMMANDS: Record<Dialect, readonly CommandModule[]> = { glance: glanceCommands, keystone: keystoneCommands };

/** What the command action gets: from commander, or 'refused' (a usage error, help, …). */
async function viaCommander(dialect: Dialect, argv: readonly string[]): Promise<unknown> {
  let got: unknown = 'refused';
  const program = buildProgram(dialect, '0', '', COMMANDS[dialect], async (module, options, output, globals) => {
    got = { command: module.spec.name, options, output, globals };
  });
  for (const cmd of [program, ...program.commands]) cmd.exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch {
    return 'refused';
  }
  return got;
}

function viaPlain(dialect: Dialect, argv: readonly string[]): unknown {
  const plain = plainCommandLine(argv, globalFlagsFor(dialect), COMMANDS[dialect], () => true);
  return plain && { command: plain.module.spec.name, options: plain.options, output: plain.output, globals: plain.globals };
}

/** Every name a flag set answers to: short and long names, older spellings, `--name=` forms. */
function flagWords(flags: FlagSet): string[] {
  return Object.values(flags).flatMap((flag: Flag<unknown>) => {
    const names = [...flag.flags.split(/[ ,|]+/).filter((word) => word.startsWith('-')), ...(flag.spellings ?? [])];
    return [...names, ...names.filter((name) => name.startsWith('--')).map((name) => `${name}=x`)];
  });
}

const VALUES = ['True', 'False', '0', '3', 'abc', 'qcow2', 'bare', 'json', 'table', 'name:asc', 'k=v', '', '-5', 'image-list', '--name', '-h', '--', '-dv'];

function commandLines(dialect: Dialect): fc.Arbitrary<string[]> {
  const globals = flagWords(globalFlagsFor(dialect));
  return fc.constantFrom(...COMMANDS[dialect]).chain((module) => {
    const own = flagWords({ ...(module.spec.options ?? {}), ...(module.spec.output === 'list' || module.spec.output === 'record' ? OUTPUT_FLAGS : {}) });
    const word = (names: string[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...names) }, { weight: 2, arbitrary: fc.constantFrom(...VALUES) });
    return fc
      .tuple(
        fc.array(word(globals), { maxLength: 4 }),
        fc.constantFrom(module.spec.name, ...(module.spec.aliases ?? [])),
        fc.array(word(own.length > 0 ? own : VALUES), { maxLength: 7 }),
      )
      .map(([before, name, after]) => [...before, name, ...after]);
  });
}

describe('the plain command-line reader', () => {
  for (const dialect of ['glance', 'keystone'] as const) {
    it(`${dialect}: on every line it reads, decodes what commander hands the command`, async () => {
      let read = 0;
      await fc.assert(
        fc.asyncProperty(commandLines(dialect), async (argv) => {
          const plain = viaPlain(dialect, argv);
          if (plain === undefined) return;
          read++;
          expect(plain).toEqual(await viaCommander(dialect, argv));
        }),
        { numRuns: 3000, seed: 16 },
      );
      // The property holds for the lines read, and many are.
      expect(read).toBeGreaterThan(100);
    });
  }

  it('reads the lines most runs are', async () => {
    const lines: Array<[Dialect, string[]]> = [
      ['glance', ['image-list']],
      ['glance', ['--os-image-api-version', '2', 'image-list', '--limit', '3', '--sort', 'name:asc']],
      ['glance', ['--no-cache', '-d', 'image-list', '-f', 'json', '-c', 'ID']],
      ['glance', ['image-show', 'fedora-19']],
      [
        'glance',
        ['image-create', '--name', 'f', '--is-public', 'True', '--disk-format', 'qcow2', '--container-format', 'bare', '--file', 'f.qcow2', '--progress'],
      ],
      ['glance', ['--os-username=admin', '--os-password', 'secret', 'member-create', 'IMAGE', 'TENANT']],
      ['keystone', ['tenant-list']],
      ['keystone', ['--os-tenant-name', 'admin', 'tenant-create', '--name', 'services']],
      ['keystone', ['user-role-add', '--user', 'glance', '--role', 'admin', '--tenant', 'services']],
    ];
    for (const [dialect, argv] of lines) {
      const plain = viaPlain(dialect, argv);
      expect(plain, argv.join(' ')).toBeDefined();
      expect(plain).toEqual(await viaCommander(dialect, argv));
    }
  });

  it('leaves to commander help, `--`, grouped or unknown flags, optional values, missing or extra arguments and refused values', () => {
    for (const argv of [
      [],
      ['--help'],
      ['image-list', '-h'],
      ['help', 'image-list'],
      ['--version'],
      ['-dv', 'image-list'],
      ['image-list', '--', 'x'],
      ['image-lst'],
      ['image-list', '--hidden'],
      ['image-list', '--no-such-flag'],
      ['image-show'],
      ['image-show', 'a', 'b'],
      ['image-list', '--limit', 'x'],
      ['image-list', '-f', 'yaml', '-f', 'nope'],
      ['image-list', '--os-username', 'u'],
      ['--os-username'],
    ])
      expect(viaPlain('glance', argv), argv.join(' ')).toBeUndefined();
  });

  it('runs only a command whose module the run has loaded', () => {
    const plain = plainCommandLine(['image-list'], globalFlagsFor('glance'), glanceCommands, (module) => module.spec.name !== 'image-list');
    expect(plain).toBeUndefined();
  });
});

// A run loads only the module of the command it runs and lists every other from the build's table
// (src/cli/command-table.ts): the table must say what the modules say, and the stubs must list as
// the real commands do.
import { afterEach, describe, expect, it } from 'vitest';
import type { CommandModule } from '../../src/cli/command.js';
import { commandEntry, commandsFor, invokedCommand } from '../../src/cli/command-table.js';
import { glanceCommands } from '../../src/cli/glance/index.js';
import { glanceLoaders } from '../../src/cli/glance/loaders.js';
import { globalFlagsFor } from '../../src/cli/globals.js';
import { keystoneCommands } from '../../src/cli/keystone/index.js';
import { keystoneLoaders } from '../../src/cli/keystone/loaders.js';
import { buildProgram } from '../../src/cli/program.js';

const REGISTRIES = { glance: glanceCommands, keystone: keystoneCommands };
const tables = { glance: glanceCommands.map(commandEntry), keystone: keystoneCommands.map(commandEntry) };
const withTables = globalThis as { __COMMAND_TABLES__?: unknown };

const helpOf = (dialect: 'glance' | 'keystone', commands: readonly CommandModule[], command?: string): string => {
  const program = buildProgram(dialect, '0', 'd', commands, async () => undefined);
  const sub = program.commands.find((c) => c.name() === command);
  return (sub ?? program).helpInformation();
};

afterEach(() => {
  delete withTables.__COMMAND_TABLES__;
});

describe('command table', () => {
  it('loads each command by its own name, in the order help lists them', async () => {
    for (const [loaders, registry] of [
      [glanceLoaders, glanceCommands],
      [keystoneLoaders, keystoneCommands],
    ] as const) {
      expect(Object.keys(loaders)).toEqual(registry.slice(0, -1).map((m) => m.spec.name));
      expect(registry.at(-1)!.spec.name).toBe('bash-completion');
      for (const [name, load] of Object.entries(loaders)) expect((await load()).spec.name).toBe(name);
    }
  });

  it('finds the command after the global flags and their values, through help, and by alias', () => {
    const find = (argv: string[]) => invokedCommand(argv, tables.glance, globalFlagsFor('glance'))?.name;
    expect(find(['--os-username', 'image-show', 'image-list'])).toBe('image-list');
    expect(find(['-d', '--os-username=u', '--insecure', 'image-show', 'x'])).toBe('image-show');
    expect(find(['--os-tenant-name', 'image-create', '--os-image-api-version', '2', 'member-list'])).toBe('member-list');
    expect(find(['help', 'image-update'])).toBe('image-update');
    expect(find(['bash_completion'])).toBe('bash-completion');
    expect(find(['--help'])).toBeUndefined();
    expect(find(['image-lsit'])).toBeUndefined();
    expect(invokedCommand(['--os-password', 'tenant-list', 'user-list'], tables.keystone, globalFlagsFor('keystone'))?.name).toBe('user-list');
  });

  it("stands stubs for the commands a run does not load, which list as the real ones; the run's own is the real module", async () => {
    withTables.__COMMAND_TABLES__ = JSON.stringify(tables);
    for (const dialect of ['glance', 'keystone'] as const) {
      const full = helpOf(dialect, REGISTRIES[dialect]);
      expect(helpOf(dialect, (await commandsFor(dialect, ['--help'])).all())).toBe(full);
      const mistyped = await commandsFor(dialect, ['no-such-command']);
      expect(mistyped.invoked).toBeUndefined();
      expect(helpOf(dialect, mistyped.all())).toBe(full);
    }
    const run = await commandsFor('glance', ['-d', 'image-list', '--limit', '3']);
    const realImageList = glanceCommands.find((m) => m.spec.name === 'image-list');
    expect(run.invoked).toBe(realImageList);
    expect(run.all().find((m) => m.spec.name === 'image-list')).toBe(realImageList);
    expect(run.all().find((m) => m.spec.name === 'image-show')).not.toBe(glanceCommands.find((m) => m.spec.name === 'image-show'));
    expect(run.all()).toBe(run.all()); // the stubs are made once
    expect(helpOf('glance', run.all(), 'image-list')).toBe(helpOf('glance', glanceCommands, 'image-list'));
    const completion = await commandsFor('keystone', ['bash-completion']);
    expect(completion.all()).toBe(keystoneCommands);
    expect(completion.invoked?.spec.name).toBe('bash-completion');
  });
});

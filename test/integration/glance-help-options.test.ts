// `glance --os-image-api-version 2 help CMD` lists every option python-glanceclient 4.1.0 lists
// for CMD, for each of its commands that we have (ours list more, in a section of their own).
// (glance-argparse-parity.test.ts checks the whole text; this one names what is missing.)
import { describe, expect, it } from 'vitest';
import { glance2, pythonGlance } from './glance-helpers.js';

/** The commands a `help` lists (argparse's subcommand list). */
function commandsOf(help: string): string[] {
  const section = help.split('\n  <subcommand>\n')[1]!.split(/\n\S/)[0]!;
  return [...section.matchAll(/^ {4}([a-z][a-z0-9-]*)/gm)].map((m) => m[1]!);
}

/** The long option names a command's help describes (its option lines, not usage or prose). */
function optionsOf(help: string): string[] {
  return [...new Set([...help.matchAll(/^ {2}(?:-[a-zA-Z], )?(--[a-z0-9-]+)/gm)].map((m) => m[1]!))].sort();
}

describe('help CMD lists the options glanceclient lists', async () => {
  const [py, us] = await Promise.all([pythonGlance(['--os-image-api-version', '2', 'help']), glance2(['help'])]);
  const ours = new Set(commandsOf(us.stdout));
  const shared = commandsOf(py.stdout).filter((name) => ours.has(name) && name !== 'help');

  it('finds the shared commands', () => {
    expect(shared).toEqual(expect.arrayContaining(['image-create', 'image-list', 'member-create', 'location-add']));
  });

  it.each(shared)('%s', async (name) => {
    const [theirs, mine] = await Promise.all([pythonGlance(['--os-image-api-version', '2', 'help', name]), glance2(['help', name])]);
    expect(theirs.code).toBe(0);
    expect(mine.code).toBe(0);
    const missing = optionsOf(theirs.stdout).filter((option) => !optionsOf(mine.stdout).includes(option));
    expect(missing).toEqual([]);
  });
});

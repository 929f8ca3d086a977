// The v2 dialect's help and usage errors against python-glanceclient 4.1.0, for every command it
// has: `help CMD` identical (then our own flags' section), and for each command the usage errors
// argparse reports (a missing argument, --bogus, a bad choice, a missing value, a bad int)
// identical on stdout, stderr and exit code, at 80 columns and at 40 and 200.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import parsers from '../../src/cli/argparse/glanceclient-parsers.json' with { type: 'json' };
import type { GlanceclientParsers, Parser } from '../../src/cli/argparse/model.js';
import type { CliResult } from '../helpers/cli.js';
import { env, glance, pythonGlance, WORK } from './glance-helpers.js';

const GLANCECLIENT = parsers as GlanceclientParsers;
const OURS = '\nOptions of this CLI (not in glanceclient):\n';

/** glanceclient's main() on each command line, in one Python process (see glanceclient-batch.py). */
type Case = readonly [args: string[], columns: number, env?: Record<string, string>];

function pythonBatch(cases: readonly Case[]): Promise<CliResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', ['test/integration/glanceclient-batch.py'], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: WORK, ...env() },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(JSON.parse(out) as CliResult[]));
    child.stdin.end(JSON.stringify(cases.map(([args, columns, extra]) => [args, columns, extra ?? {}])));
  });
}

/** Ours, a few at a time (the machine is small). */
async function ours(cases: readonly Case[]): Promise<CliResult[]> {
  const results: CliResult[] = [];
  for (let i = 0; i < cases.length; i += 4) {
    const batch = cases.slice(i, i + 4).map(([args, columns, extra]) => glance(args, { COLUMNS: String(columns), ...extra }));
    results.push(...(await Promise.all(batch)));
  }
  return results;
}

/** The command lines argparse refuses for a command, one per kind of mistake it has room for. */
function usageErrors(name: string, parser: Parser): string[][] {
  const lines = [[name, '--bogus']];
  const options = parser.actions.filter((a) => a.optionStrings.length > 0 && !a.suppressed);
  if (parser.actions.some((a) => a.required)) lines.push([name]);
  const choice = options.find((a) => a.choices);
  if (choice) lines.push([name, choice.optionStrings[0]!, 'no-such-choice']);
  const valued = options.find((a) => a.nargs === undefined);
  if (valued) lines.push([name, valued.optionStrings[0]!]);
  const int = options.find((a) => a.type === 'int');
  if (int) lines.push([name, int.optionStrings[0]!, 'x']);
  return lines;
}

const COMMANDS = Object.keys(GLANCECLIENT.commands).filter((name) => name !== 'bash_completion');
const V2 = ['--os-image-api-version', '2'];

describe('glanceclient parity: help and usage errors', async () => {
  const helpCases = COMMANDS.flatMap((name) => [80, 40, 200].map((columns): Case => [[...V2, 'help', name], columns]));
  const errorCases = COMMANDS.flatMap((name) => usageErrors(name, GLANCECLIENT.commands[name]!)).flatMap((args) =>
    [80, 40].map((c): Case => [[...V2, ...args], c]),
  );
  // The main help, by `help`, -h, and no arguments at all (the dialect then from the environment).
  const mainCases = [80, 40, 200].flatMap((c): Case[] => [
    [[...V2, 'help'], c],
    [[...V2, '-h'], c],
    [[], c, { OS_IMAGE_API_VERSION: '2' }],
    [[...V2, 'no-such-command'], c],
  ]);
  const cases = [...helpCases, ...errorCases, ...mainCases];
  const [theirs, mine] = await Promise.all([pythonBatch(cases), ours(cases)]);
  const rows = cases.map(([args, columns], i) => ({
    line: `${columns}: ${args.slice(V2.length).join(' ') || '(no arguments)'}`,
    theirs: theirs[i]!,
    mine: mine[i]!,
  }));

  it('covers every command glanceclient has, with at least one usage error each', () => {
    expect(COMMANDS).toHaveLength(67);
    expect(errorCases.length).toBeGreaterThanOrEqual(COMMANDS.length * 2);
  });

  it.each(rows.slice(0, helpCases.length))('$line', ({ theirs, mine }) => {
    expect(theirs.code).toBe(0);
    const [glanceclientPart] = mine.stdout.split(OURS);
    expect([mine.code, glanceclientPart, mine.stderr]).toEqual([theirs.code, theirs.stdout, theirs.stderr]);
  });

  it.each(rows.slice(helpCases.length))('$line', ({ theirs, mine }) => {
    const [glanceclientPart] = mine.stdout.split(OURS);
    expect([mine.code, glanceclientPart, mine.stderr]).toEqual([theirs.code, theirs.stdout, theirs.stderr]);
  });

  it('the batch runs glanceclient as /usr/bin/glance does', async () => {
    const samples = [rows[0]!, rows[helpCases.length]!, rows.at(-1)!];
    for (const [i, row] of samples.entries()) {
      const [args, columns] = cases[[0, helpCases.length, cases.length - 1][i]!]!;
      expect(await pythonGlance(args, { COLUMNS: String(columns) })).toEqual(row.theirs);
    }
  });
});

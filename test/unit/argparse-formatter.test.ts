// The argparse HelpFormatter port against Python 3.11's argparse: random parsers built in Python
// (argparse-parsers.py), dumped as glanceclient's are, and formatted by both at random widths.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatHelp, formatUsage } from '../../src/cli/argparse/formatter.js';
import type { GlanceclientParsers, Parser } from '../../src/cli/argparse/model.js';
import parsers from '../../src/cli/argparse/glanceclient-parsers.json' with { type: 'json' };

const GLANCECLIENT = parsers as GlanceclientParsers;

interface Case {
  parser: Parser;
  width: number;
  usage: string;
  help: string;
}

const python = (args: readonly string[]): string => execFileSync('/usr/bin/python3', args, { maxBuffer: 64 * 1024 * 1024 }).toString();

describe('formatHelp / formatUsage (argparse.HelpFormatter)', () => {
  const cases = JSON.parse(python(['test/unit/argparse-parsers.py', 'scripts/glanceclient-parsers.py', '20260712', '400'])) as Case[];

  it('agrees with Python on 400 generated parsers at widths 11 to 198', () => {
    const differing = cases.filter((c) => formatUsage(c.parser, c.width) + '\n' !== c.usage || formatHelp(c.parser, c.width) !== c.help);
    expect(differing.slice(0, 3).map((c) => ({ width: c.width, python: c.help, ours: formatHelp(c.parser, c.width) }))).toEqual([]);
    expect(cases).toHaveLength(400);
  });

  it("lays out glanceclient's member-get as glanceclient does at 80 columns", () => {
    expect(formatHelp(GLANCECLIENT.commands['member-get']!, 78)).toBe(
      [
        'usage: glance member-get <IMAGE_ID> <MEMBER_ID>',
        '',
        'Show details of an image member',
        '',
        'Positional arguments:',
        '  <IMAGE_ID>   Image from which to display member.',
        '  <MEMBER_ID>  Project to display.',
        '',
      ].join('\n'),
    );
  });

  it('the checked-in glanceclient parsers are what the generator prints from the installed glanceclient', () => {
    expect(python(['scripts/glanceclient-parsers.py'])).toBe(readFileSync('src/cli/argparse/glanceclient-parsers.json', 'utf8'));
  });
});

// Our ports of Python's textwrap.fill and pprint.pformat, checked against the Python on this machine.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pformat, pyRepr } from '../../src/output/pprint.js';
import { fill } from '../../src/output/textwrap.js';

function python(script: string, input: unknown): unknown {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: JSON.stringify(input) }).toString());
}

const ALPHABET = 'ab-- -x\t9_.,é-Z/:"[]{}';
function randomText(seed: number): string {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: next() % 70 }, () => ALPHABET[next() % ALPHABET.length]).join('');
}

describe('fill (textwrap.fill)', () => {
  it('breaks a glance locations value where Python breaks it (after the hyphen of osc-local-)', () => {
    const value = '[{"url": "file:///var/tmp/osc-local-cloud/glance/images/4e0dd434-4bb3-4142-a1cd-436ef805d24e", "metadata": {}}]';
    expect(fill(value, 80)).toBe('[{"url": "file:///var/tmp/osc-local-\ncloud/glance/images/4e0dd434-4bb3-4142-a1cd-436ef805d24e", "metadata": {}}]');
  });

  it('splits a long hex word at exactly the width', () => {
    expect(
      fill('a'.repeat(100), 80)
        .split('\n')
        .map((l) => l.length),
    ).toEqual([80, 20]);
  });

  it('agrees with Python on 2000 random strings and widths', () => {
    const cases = Array.from({ length: 2000 }, (_, i) => [randomText(i + 1), 1 + (i % 23)] as const);
    const expected = python('import json,sys,textwrap\nprint(json.dumps([textwrap.fill(s, w) for s, w in json.load(sys.stdin)]))', cases) as string[];
    expect(cases.map(([s, w]) => fill(s, w))).toEqual(expected);
  });
});

describe('pformat / repr', () => {
  const samples: unknown[] = [
    {
      description: 'Format of the disk',
      enum: [null, 'ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop'],
      type: ['null', 'string'],
    },
    {
      type: 'string',
      pattern: '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$',
      description: 'An identifier for the image',
    },
    'word '.repeat(40),
    "it's",
    ['x'.repeat(80), 1, true, null],
    { nested: { deeper: ['a'.repeat(30), 'b'.repeat(30), 'c'.repeat(30)] } },
  ];

  it('agrees with Python at width 72 (the width jsonschema uses)', () => {
    const expected = python('import json,sys,pprint\nprint(json.dumps([pprint.pformat(v, width=72) for v in json.load(sys.stdin)]))', samples) as string[];
    expect(samples.map((v) => pformat(v, 72))).toEqual(expected);
  });

  it('repr quotes like Python', () => {
    expect(pyRepr(["it's", 'say "hi"', 'a\\b', null, false])).toBe(`["it's", 'say "hi"', 'a\\\\b', None, False]`);
  });
});

// -f shell output evaluated by real bash, dash and zsh: values come back exactly (controls, newlines,
// quotes, `$(…)` and backquotes stay data), and no name that a shell gives a meaning to is assigned.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellRecord } from '../../src/output/formats/shell.js';
import { plainText } from '../../src/output/views.js';

const SHELLS: ReadonlyArray<[string, readonly string[]]> = [
  ['bash', ['--norc', '--noprofile']],
  ['dash', []],
  ['zsh', ['-f']],
];

/** Evals `script` in the shell, then prints each named variable NUL-terminated (PATH first). */
function evalIn(shell: string, args: readonly string[], script: string, names: readonly string[]): string[] {
  const printer = `printf '%s\\0' "$PATH" ${names.map((n) => `"$${n}"`).join(' ')}`;
  const out = execFileSync(shell, [...args, '-c', `eval "$1"; ${printer}`, 'sh', script], { env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent' } });
  return out.toString('utf8').split('\0').slice(0, -1);
}

const hostile = [
  'plain',
  '$(touch /tmp/osc-pwned) `id` ${HOME} $HOME',
  'double " single \' back \\ slash \\" end\\',
  'line one\nline two\n',
  '\x1b[2J\x1b]52;c;SGVsbG8=\x07\r\x08\x7f\x9b\u202e',
  '!! !$ ^x^y * ? [a] ~ # ; | & < > ( ) { }',
  '日本語 🚀 é',
];

describe('-f shell', () => {
  it.each(SHELLS)('%s reads every value back exactly, expands nothing', (shell, args) => {
    const fields = hostile.map((value, i) => [`v${i}`, value] as const);
    const values = evalIn(
      shell,
      args,
      shellRecord(fields, plainText, ''),
      fields.map(([n]) => n),
    );
    expect(values.slice(1)).toEqual(hostile);
  });

  it.each(SHELLS)('%s: property: any text without NUL round-trips', (shell, args) => {
    const text = fc.string({ unit: 'binary', maxLength: 30 }).map((t) => t.replace(/\0|[\ud800-\udfff]/g, ''));
    const samples = fc.sample(text, { numRuns: 150, seed: 31 });
    const fields = samples.map((value, i) => [`v${i}`, value] as const);
    expect(
      evalIn(
        shell,
        args,
        shellRecord(fields, plainText, ''),
        fields.map(([n]) => n),
      ).slice(1),
    ).toEqual(samples);
  });

  it.each(SHELLS)('%s: keys named path, PATH, fpath, IFS, HOME, PS1… are skipped; PATH is unchanged', (shell, args) => {
    const keys = [
      'path',
      'PATH',
      'Path',
      'fpath',
      'cdpath',
      'module_path',
      'IFS',
      'HOME',
      'PS1',
      'ENV',
      'CDPATH',
      'BASH_ENV',
      'ZDOTDIR',
      'argv',
      'status',
      'prompt',
      'LD_PRELOAD',
      'lc_all',
      '1st',
      '',
    ];
    const out = shellRecord([...keys.map((k) => [k, '/evil'] as const), ['name', 'ok']], plainText, '');
    expect(out.split('\n').filter((l) => !l.startsWith('# skipped '))).toEqual(['name="ok"', '']);
    const [path, name] = evalIn(shell, args, out, ['name']);
    expect(path).toBe('/usr/bin:/bin');
    expect(name).toBe('ok');
  });

  it('says what it skipped and why, on one comment line each', () => {
    expect(
      shellRecord(
        [
          ['path', '/x'],
          ['1st', 'y'],
          ['nul', 'a\0b'],
          ['1\nrm -rf ~ #', 'z'],
        ],
        plainText,
        '',
      ),
    ).toBe(
      [
        '# skipped path: path would change a variable the shell uses',
        '# skipped 1st: 1st is not a shell variable name',
        '# skipped nul: its value holds a NUL byte, which a shell variable cannot',
        '# skipped 1\\nrm -rf ~ #: 1_rm__rf____ is not a shell variable name',
        '',
      ].join('\n'),
    );
  });

  it('a prefix makes a special name safe, and a bad prefix is refused', () => {
    expect(shellRecord([['path', '/x']], plainText, 'img_')).toBe('img_path="/x"\n');
    expect(shellRecord([['ath', '/x']], plainText, 'P')).toBe('# skipped ath: Path would change a variable the shell uses\n');
    expect(shellRecord([['id', '1']], plainText, '9;')).toBe('# skipped id: 9;id is not a shell variable name\n');
  });
});

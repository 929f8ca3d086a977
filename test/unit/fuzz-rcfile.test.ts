// Fuzzing the keystonerc parser: any text either parses or fails with a CliError that names
// file:line; nothing hangs (no regex blow-up on hostile lines); and any value written the way a
// shell would quote it (single or double quotes) reads back exactly.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRc } from '../../src/config/rcfile.js';
import { CliError } from '../../src/errors.js';

const PATH = '/etc/keystonerc_fuzz';
const NAME = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/);
/** A value a line can hold: any unicode but line breaks. */
const VALUE = fc.string({ unit: 'binary', maxLength: 40 }).map((v) => v.replace(/[\r\n]/g, ''));

const singleQuoted = (v: string): string => `'${v.replace(/'/g, `'\\''`)}'`;
const doubleQuoted = (v: string): string => `"${v.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`;

function parseOrCliError(text: string): void {
  try {
    const rc = parseRc(text, PATH, {});
    for (const value of Object.values(rc.vars)) expect(value === undefined || typeof value === 'string').toBe(true);
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    const lines = text.split(/\r?\n/).length;
    const at = new RegExp(`^${PATH}:(\\d+): `).exec((err as Error).message);
    expect(at, (err as Error).message).not.toBeNull();
    expect(Number(at![1])).toBeGreaterThanOrEqual(1);
    expect(Number(at![1])).toBeLessThanOrEqual(lines);
    expect((err as Error).message).not.toContain('\n');
  }
}

describe('parseRc on arbitrary input', () => {
  it('any unicode text: parses, or one-line CliError naming file:line', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), parseOrCliError), { numRuns: 2000, seed: 42 });
  });

  it('rc-shaped text: random mixes of the constructs rc files use', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'export ',
        'declare -x ',
        'unset ',
        'read -sr ',
        'echo ',
        'if [ -z "$',
        '[ -z "${',
        ' ]; then unset ',
        '; fi',
        '&& unset ',
        '#',
        ' # c',
        '=',
        '"',
        "'",
        '\\',
        '$',
        '${',
        '}',
        ':-',
        '$(',
        '`',
        ';',
        ' ',
        '\t',
        '\n',
        'OS_PASSWORD',
        'OS_AUTH_URL',
        'http://k:5000/v3',
      ),
      NAME,
      VALUE,
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((p) => p.join('')),
        parseOrCliError,
      ),
      { numRuns: 3000, seed: 43 },
    );
  });

  it('hostile long lines do not hang (regex backtracking): at the 16 KiB line limit and far past it', () => {
    const n = 50_000;
    const hostile = [
      'export ' + ' '.repeat(n) + 'x',
      'if [ -z "$' + 'A'.repeat(n),
      '[ -z "$A" ] && unset ' + 'B'.repeat(n) + ' x',
      'unset' + ' A'.repeat(n) + ' !',
      'read' + ' -s'.repeat(n) + ' !',
      'export' + ' A'.repeat(n) + ' =',
      'A="' + '\\"'.repeat(n),
      'A=' + '${B:-'.repeat(n),
      'A=' + "'".repeat(2 * n + 1),
      'A=x' + ' #'.repeat(n),
    ];
    for (const line of hostile) {
      parseOrCliError(line);
      parseOrCliError(line.slice(0, 16 * 1024));
    }
    parseOrCliError('#'.repeat(n) + '\n'.repeat(n));
    expect(() => parseRc('A=' + 'x'.repeat(20_000), PATH, {})).toThrow(`${PATH}:1: line is longer than 16384 characters`);
    expect(parseRc('export OS_TOKEN=' + 'x'.repeat(10_000), PATH, {}).vars.OS_TOKEN).toHaveLength(10_000);
    // Backtracking on these lines would take hours; the generous limit keeps a loaded machine from failing it.
  }, 60_000);
});

describe('values read back exactly', () => {
  it('single-quoted, with or without export', () => {
    fc.assert(
      fc.property(fc.dictionary(NAME, VALUE, { maxKeys: 8 }), fc.boolean(), (vars, exported) => {
        const text = Object.entries(vars)
          .map(([k, v]) => `${exported ? 'export ' : ''}${k}=${singleQuoted(v)}`)
          .join('\n');
        expect(parseRc(text, PATH, {}).vars).toEqual(vars);
      }),
      { numRuns: 1000, seed: 44 },
    );
  });

  it('double-quoted with backslash escapes', () => {
    fc.assert(
      fc.property(fc.dictionary(NAME, VALUE, { maxKeys: 8 }), (vars) => {
        const text = Object.entries(vars)
          .map(([k, v]) => `export ${k}=${doubleQuoted(v)}`)
          .join('\n');
        expect(parseRc(text, PATH, {}).vars).toEqual(vars);
      }),
      { numRuns: 1000, seed: 45 },
    );
  });

  it('$VAR references expand to earlier values, then the environment', () => {
    fc.assert(
      fc.property(VALUE, VALUE, (a, envValue) => {
        const rc = parseRc(`export A=${singleQuoted(a)}\nexport B="$A/x"\nexport C="\${FROM_ENV}"`, PATH, { FROM_ENV: envValue });
        expect(rc.vars.B).toBe(`${a}/x`);
        expect(rc.vars.C).toBe(envValue);
      }),
      { numRuns: 500, seed: 46 },
    );
  });
});

// What bash leaves in X after `source`-ing one line: the reader must agree, or refuse with file:line.
function bashValue(line: string, env: Record<string, string>): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'osc-rc-bash-'));
  const rc = join(dir, 'rc');
  writeFileSync(rc, `${line}\n`);
  const out = spawnSync('bash', ['-c', `cd ${dir}; source ./rc >/dev/null 2>&1; printf %s "\${X-<unset>}"`], {
    env: { ...env, HOME: '/root', PATH: process.env.PATH ?? '/usr/bin:/bin' },
    stdio: ['ignore', 'pipe', 'ignore'],
    timeout: 5000,
    encoding: 'utf8',
  });
  rmSync(dir, { recursive: true, force: true });
  return out.stdout === '<unset>' ? undefined : out.stdout;
}

describe.runIf(spawnSync('bash', ['-c', 'true']).status === 0)('the reader agrees with bash or refuses', () => {
  const ENV = { SET: 'v', EMPTY: '' };
  const LINES = [
    'X=${UNSET:-$(id -un)}',
    'X=${UNSET:-`id -un`}',
    'X=${UNSET:-lit/eral:1}',
    'X=${EMPTY:-d}',
    'X=${EMPTY-d}',
    'X=${UNSET-d}',
    'X=${SET:-d}',
    'X="${UNSET:-a b}"',
    'X=${UNSET:-~}',
    'X=${UNSET:+alt}',
    'X=${#SET}',
    'X=${SET%v}',
    'X=pw|cat',
    'X=pw>/dev/null',
    'X=pw</dev/null',
    'X=pw&',
    'X=a;Y=b',
    'X=pw;',
    'X=(a b)',
    'X=~root',
    'X=~',
    'X=a:~/b',
    'X=a~b',
    "X='~root'",
    'X=$1',
    'X=$$',
    'X=$@',
    "X=$'a\\nb'",
    'X="$\'a"',
    'X=a$',
    'X="pw|cat>f"',
    'X=pw\\',
  ];
  for (const line of LINES) {
    it(line, () => {
      let ours: string | undefined;
      try {
        ours = parseRc(line, PATH, ENV).vars.X;
      } catch (err) {
        expect((err as Error).message).toMatch(new RegExp(`^${PATH}:1: `));
        return;
      }
      expect(ours).toBe(bashValue(line, ENV));
    });
  }

  it('random values in ${UNSET:-…} defaults', () => {
    const word = fc.string({ unit: fc.constantFrom(...'ab ~:$`\'"\\{}|;&<>()-/'.split('')), maxLength: 8 });
    fc.assert(
      fc.property(word, (w) => {
        const line = `X=\${UNSET:-${w}}`;
        let ours: string | undefined;
        try {
          ours = parseRc(line, PATH, ENV).vars.X;
        } catch (err) {
          expect(err).toBeInstanceOf(CliError);
          return;
        }
        expect(ours).toBe(bashValue(line, ENV));
      }),
      { numRuns: 60, seed: 47 },
    );
  });
});

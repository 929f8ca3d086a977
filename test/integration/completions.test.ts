// Completion files: fresh against the command specs, and working in real bash, zsh and fish.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { command } from '../../src/cli/command.js';
import { text } from '../../src/cli/flags/flag.js';
import { completionWords } from '../../src/cli/common/bash-completion.js';
import { commandTree } from '../../src/cli/common/command-tree.js';
import { completionFiles } from '../../src/cli/common/completion-scripts.js';
import { glanceCommands } from '../../src/cli/glance/index.js';
import { keystoneCommands } from '../../src/cli/keystone/index.js';
import { ROOT, runCli } from '../helpers/cli.js';

const DIR = join(ROOT, 'completions');

/** COMPREPLY of the bash completion function for the words typed (the last one being completed). */
function bashComplete(program: string, words: string[], dir = DIR): string[] {
  const script = `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _${program}; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const out = execFileSync('bash', ['--norc', '-c', script, 'bash', join(dir, `${program}.bash`), ...words], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

/** Candidates fish offers for a command line, as `complete -C` lists them (word, tab, description). */
function fishComplete(program: string, line: string): string[] {
  const out = execFileSync('fish', ['--no-config', '-c', `source ${join(DIR, `${program}.fish`)}; and complete -C "$argv[1]"`, line], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t')[0]!);
}

/**
 * Types `<program> <typed><TAB><RET>` into an interactive zsh (in a pseudo-terminal, via zpty) with the
 * completion file on $fpath and compinit run; the program is a function that echoes its arguments,
 * so the printed line is what completion made of the input.
 */
function zshComplete(program: string, typed: string, dir = DIR): string {
  const script = [
    'zmodload zsh/zpty',
    'zpty z zsh -f -i',
    `zpty -w z "PS1='> '; fpath=($1 \\$fpath); autoload -U compinit; compinit -u -D; $2() { print -r -- RESULT:\\"\\$*\\" }"`,
    `zpty -w z "$2 $3"$'\\t'$'\\n'`,
    "out=''",
    'for i in {1..100}; do',
    '  while zpty -r -t z chunk; do out+=$chunk; done',
    "  [[ $out == *RESULT:[^\\\"]*$'\\n'* ]] && break",
    '  sleep 0.1',
    'done',
    'zpty -d z',
    'print -r -- "$out"',
  ].join('\n');
  const result = spawnSync('zsh', ['-f', '-c', script, 'zsh', dir, program, typed], { encoding: 'utf8', timeout: 30_000 });
  expect(result.status).toBe(0);
  const line = result.stdout
    .split(/\r?\n/)
    .map((l) => l.replace(/\r/g, ''))
    .find((l) => /^RESULT:[^"]/.test(l));
  return line?.slice('RESULT:'.length) ?? `(no result) ${result.stdout}`;
}

describe('checked-in completion files', () => {
  it('match the command specs (run `npm run completions` after changing a command)', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts/completions.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});

describe('bash', () => {
  it('registers the function with complete and completes a command name', () => {
    const out = execFileSync('bash', ['--norc', '-c', `source ${join(DIR, 'glance.bash')}; complete -p glance`], { encoding: 'utf8' });
    expect(out.trim()).toBe('complete -o default -F _glance glance');
    expect(bashComplete('glance', ['glance', 'image-l'])).toEqual(['image-list']);
    expect(bashComplete('keystone', ['keystone', 'tenant-l'])).toEqual(['tenant-list']);
  });

  it('completes `glance image-cr` to image-create (the common prefix of the image-create commands)', () => {
    const candidates = bashComplete('glance', ['glance', 'image-cr']);
    expect(candidates).toContain('image-create');
    expect(candidates.every((c) => c.startsWith('image-create'))).toBe(true);
    const expected = glanceCommands
      .flatMap((c) => [c.spec.name, ...(c.spec.aliases ?? [])])
      .filter((name) => name.startsWith('image-cr'))
      .sort();
    expect(candidates).toEqual(expected);
  });

  it('offers the values image-create declares for --disk-format', () => {
    const flag = glanceCommands.find((c) => c.spec.name === 'image-create')!.spec.options!.diskFormat!;
    expect(flag.suggestions).toContain('qcow2');
    expect(bashComplete('glance', ['glance', 'image-create', '--disk-format', 'q'])).toEqual(['qcow2']);
    expect(bashComplete('glance', ['glance', 'image-list', '--sort-key', 'dis'])).toEqual(['disk_format']);
  });

  it('completes image-cr to image-create and --disk-format q to qcow2 from a spec that declares them', () => {
    const imageCreate = command({
      spec: {
        name: 'image-create',
        summary: 'Create a new image.',
        options: {
          diskFormat: text('--disk-format <DISK_FORMAT>', 'Disk format', { suggestions: ['ami', 'ari', 'aki', 'vhd', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso'] }),
          file: text('--file <FILE>', 'Image data'),
        },
        output: 'record',
      },
      parse: () => ({}),
      run: async () => 0,
    });
    const dir = mkdtempSync(join(tmpdir(), 'osc-completions-'));
    for (const [name, text] of completionFiles([commandTree('glance', [imageCreate])])) writeFileSync(join(dir, name), text);
    expect(bashComplete('glance', ['glance', 'image-cr'], dir)).toEqual(['image-create']);
    expect(bashComplete('glance', ['glance', 'image-create', '--disk-format', 'q'], dir)).toEqual(['qcow2']);
    expect(bashComplete('glance', ['glance', 'image-create', '--file', ''], dir)).toEqual([]); // bash falls back to file names
    expect(zshComplete('glance', 'image-create --disk-format qc', dir)).toBe('image-create --disk-format qcow2');
  });

  it('completes option values that are a fixed set, after global options with values', () => {
    expect(bashComplete('glance', ['glance', '--os-username', 'admin', 'image-list', '--format', 'j'])).toEqual(['json']);
    expect(bashComplete('glance', ['glance', '--os-image-api-version', ''])).toEqual(['1', '2']);
    expect(bashComplete('keystone', ['keystone', 'token-get', '--q'])).toEqual(['--quote']);
    expect(bashComplete('keystone', ['keystone', 'token-get', '--quote', 'n'])).toEqual(['none', 'nonnumeric']);
  });

  it('offers global flags before the command and nothing for a free value', () => {
    expect(bashComplete('glance', ['glance', '--os-image-a'])).toEqual(['--os-image-api-version']);
    expect(bashComplete('glance', ['glance', '--os-username', ''])).toEqual([]);
  });
});

describe('zsh', () => {
  it('loads the file without error', () => {
    for (const program of ['glance', 'keystone']) {
      const result = spawnSync(
        'zsh',
        ['-f', '-c', `autoload -U compinit; compinit -u -D; source ${join(DIR, `_${program}`)}; print -r -- $_comps[${program}]`],
        { encoding: 'utf8' },
      );
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe(`_${program}`);
    }
  });

  it('completes a command name and a fixed option value at a real prompt', () => {
    expect(zshComplete('glance', 'image-l')).toBe('image-list');
    expect(zshComplete('keystone', 'tenant-l')).toBe('tenant-list');
    expect(zshComplete('glance', 'image-list --format js')).toBe('image-list --format json');
  });
});

describe('fish', () => {
  it('loads the file without error and completes command names and values', () => {
    for (const program of ['glance', 'keystone']) {
      const result = spawnSync('fish', ['--no-config', '-c', `source ${join(DIR, `${program}.fish`)}`], { encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    }
    expect(fishComplete('glance', 'glance image-l')).toEqual(['image-list']);
    expect(fishComplete('keystone', 'keystone --os-username admin tenant-l')).toEqual(['tenant-list']);
    expect(fishComplete('glance', 'glance image-list --format j')).toEqual(['json']);
    expect(fishComplete('keystone', 'keystone help tok')).toEqual(['token-get']);
  });
});

describe('bash-completion command', () => {
  it('prints every command and command option on one line, as the classic clients did', async () => {
    for (const [program, commands] of [
      ['glance', glanceCommands],
      ['keystone', keystoneCommands],
    ] as const) {
      const result = await runCli(program, ['bash-completion']);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      const words = result.stdout.trimEnd().split(' ');
      expect(result.stdout.endsWith('\n')).toBe(true);
      expect(words).toEqual(completionWords(commands));
      for (const { spec } of commands) if (spec.name !== 'bash-completion') expect(words).toContain(spec.name);
      expect(words).not.toContain('bash-completion');
      expect(words).toEqual(expect.arrayContaining(['help', '--format', '-c', '--help']));
      expect(words).not.toContain('--os-username'); // global options were not in the classic list
    }
  });
});

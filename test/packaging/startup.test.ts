// The shipped program is compiled JavaScript: --help loads neither TypeScript tooling nor the HTTP stack.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';

/** Runs bin/<name> with test/helpers/loaded-modules.cjs, which tells every file and built-in module it loads and whether the ES module loader ran. */
function loadedModules(
  name: string,
  args: string[],
  env: Record<string, string> = {},
): { code: number | null; files: string[]; builtins: string[]; stdout: string; esm: boolean } {
  const result = spawnSync(process.execPath, ['--require', join(ROOT, 'test/helpers/loaded-modules.cjs'), join(ROOT, 'bin', name), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
  });
  const lines = result.stderr.split('\n');
  expect(lines.filter((l) => /^ESM (yes|no)$/.test(l))).toHaveLength(1); // the recorder ran
  const files = lines.filter((l) => l.startsWith('LOADED ')).map((l) => l.slice(7));
  const builtins = lines.filter((l) => l.startsWith('BUILTIN ')).map((l) => l.slice(8));
  return { code: result.status, files, builtins, stdout: result.stdout, esm: lines.includes('ESM yes') };
}

/** The files of dist/ a run read, in order, once each: a merged file's modules (loaded-modules.cjs tells them too) are not files. */
function distFilesRead(files: string[]): string[] {
  return [...new Set(files.filter((u) => u.includes('/dist/') && existsSync(u)).map((u) => u.replace(/.*\/dist\//, '')))];
}

describe('start-up', () => {
  it('glance --help runs the compiled bundle only: no tsx, no TypeScript, nothing from node_modules, no HTTP stack', () => {
    const { code, files, stdout } = loadedModules('glance', ['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('image-create');
    expect(files.some((u) => u.endsWith('/dist/entry.cjs'))).toBe(true);
    expect(files.filter((u) => /tsx|typescript|node_modules|\.ts$/.test(u))).toEqual([]);
    // The session factory chunk is what imports the HTTP stack: --help must not reach it.
    expect(files.filter((u) => /\/dist\/factory-/.test(u))).toEqual([]);
  });

  it("the program's help comes from the build, as commander prints it (`help`), without loading commander or the command table", () => {
    for (const name of ['glance', 'keystone']) {
      const viaCommander = loadedModules(name, ['help']);
      expect(viaCommander.code).toBe(0);
      expect(viaCommander.files.some((u) => /\/dist\/main-/.test(u))).toBe(true);
      for (const args of [['--help'], ['-h'], ...(name === 'glance' ? [[]] : [])]) {
        const { code, files, stdout } = loadedModules(name, args);
        expect(code).toBe(0);
        expect(stdout).toBe(viaCommander.stdout);
        expect(distFilesRead(files)).toEqual(['entry.cjs', expect.stringMatching(/^stored-help-/)]);
      }
    }
  });

  it("the v2 dialect's argparse help and errors (glanceclient's parsers, the formatter) load only when help or an error is printed", () => {
    const argparseChunks = (files: string[]): string[] => files.filter((u) => /\/dist\/(glance-v2|formatter)-/.test(u));
    const plain = loadedModules('glance', ['--os-image-api-version', '2', 'bash-completion']);
    expect(plain.code).toBe(0);
    expect(argparseChunks(plain.files)).toEqual([]);
    const help = loadedModules('glance', ['--os-image-api-version', '2', 'help', 'member-get']);
    expect(help.stdout).toContain('usage: glance member-get <IMAGE_ID> <MEMBER_ID>');
    expect(argparseChunks(help.files)).toHaveLength(2);
    expect(help.esm).toBe(false);
  });

  it('glance --version loads dist/entry.cjs and no more: no commander, no command table, no ES module loader', () => {
    const { code, files, stdout, esm } = loadedModules('glance', ['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    // entry.cjs, which holds esbuild's shared helpers too (scripts/build.mjs); main-*.cjs (commander, the table) never, nor the stored help.
    expect(distFilesRead(files)).toEqual(['entry.cjs']);
    // The bundle is CommonJS (scripts/build.mjs): Node's ES module loader costs about 150 minor faults.
    expect(esm).toBe(false);
  });

  it("a command loads its own module and no other command's", () => {
    const { code, files, esm } = loadedModules('glance', ['image-list', '--help']);
    expect(code).toBe(0);
    const commands = files.map((u) => /\/dist\/((image|member|md|task|cache|location|stores)-[a-z-]+)-[A-Z0-9]+\.cjs$/.exec(u)?.[1]).filter(Boolean);
    expect(commands).toEqual(['image-list']);
    expect(esm).toBe(false);
  });

  it('a plain command line runs without commander (src/cli/plain-command-line.ts); a mistyped one loads it for its error', () => {
    const program = (files: string[]): string[] => files.filter((u) => /\/dist\/program-/.test(u));
    const plain = loadedModules('glance', ['--os-image-api-version', '2', 'bash-completion']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('image-create');
    expect(program(plain.files)).toEqual([]);
    const mistyped = loadedModules('glance', ['image-lsit']);
    expect(mistyped.code).toBe(2);
    expect(program(mistyped.files)).toHaveLength(1);
  });

  it('a cached image-list loads neither commander nor the built-ins only uploads and imports use (fs/promises, timers/promises), nor https for an http cloud, nor crypto (~115 faults: the token cache key is hashed in JavaScript)', () => {
    const cache = mkdtempSync(join(tmpdir(), 'osc-startup-'));
    try {
      const env = { ...adminEnv(), XDG_CACHE_HOME: cache };
      expect(loadedModules('glance', ['image-list'], env).code).toBe(0); // fills the token cache
      const { code, files, builtins, esm } = loadedModules('glance', ['image-list'], env);
      expect(code).toBe(0);
      expect(builtins).toContain('http');
      expect(
        builtins.filter((name) => ['fs/promises', 'timers/promises', 'https', 'tls', 'child_process', 'readline', 'zlib', 'crypto'].includes(name)),
      ).toEqual([]);
      expect(files.filter((u) => /\/dist\/program-/.test(u))).toEqual([]);
      expect(esm).toBe(false);
      // Reading an --os-rc file and data at a URL outside the cloud are chunks of their own, not read here.
      const lazy = /^(rcfile|remote-head|remote-data)-/;
      expect(readdirSync(join(ROOT, 'dist')).filter((name) => lazy.test(name))).toHaveLength(3);
      expect(files.filter((u) => lazy.test(u.replace(/.*\/dist\//, '')))).toEqual([]);
      // The image API's other resources (src/api/image/index.ts) are not loaded: image-list asks for its images alone.
      const imageApi = /^image-[A-Z0-9]+\.cjs$/;
      expect(readdirSync(join(ROOT, 'dist')).filter((name) => imageApi.test(name))).toHaveLength(1);
      expect(files.filter((u) => imageApi.test(u.replace(/.*\/dist\//, '')))).toEqual([]);
      // The chunks of the common path come merged (scripts/build.mjs, PATHS): entry.cjs with its imports, the loader of the
      // merged files (src/code-cache.ts), three files; the answer printed as the first run printed it (src/cli/replay.ts),
      // without the program (path-core.cjs).
      expect(distFilesRead(files)).toEqual([
        'entry.cjs',
        'load-path.cjs',
        'path-ahead.cjs',
        'path-early.cjs',
        'path-answer.cjs',
        'path-replay.cjs',
        'path-glance.cjs',
      ]);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it("a command's merged path files are compiled from the bytecode the first runs left (src/code-cache.ts); damaged bytecode is compiled from source and written anew", () => {
    const cache = mkdtempSync(join(tmpdir(), 'osc-code-cache-'));
    try {
      const env = { ...adminEnv(), XDG_CACHE_HOME: cache };
      const list = ['image-list', '--name', `code-cache-${process.pid}`]; // an answer no other test changes
      const code = join(cache, 'openstack-classic-cli', 'code');
      const first = loadedModules('glance', list, env); // the program: its files, path-replay among them
      const second = loadedModules('glance', list, env); // the replay, which keeps its output
      expect([first.code, second.code]).toEqual([0, 0]);
      const files = () => readdirSync(code).sort();
      const named = (...names: string[]) => names.map((name) => expect.stringMatching(new RegExp(`^path-${name}-[0-9a-f]{16}-v[\\d.]+-\\d+\\.v8$`)));
      expect(files()).toEqual(named('ahead', 'answer', 'core', 'early', 'glance', 'replay'));
      const written = Object.fromEntries(files().map((file) => [file, statSync(join(code, file)).mtimeMs]));
      for (const file of files()) expect(statSync(join(code, file)).mode & 0o777).toBe(0o600);

      const third = loadedModules('glance', list, env); // the kept output: path-ahead, path-early and path-answer
      expect(third.code).toBe(0);
      expect(third.stdout).toBe(first.stdout);
      expect(Object.fromEntries(files().map((file) => [file, statSync(join(code, file)).mtimeMs]))).toEqual(written); // used, not rewritten

      // A block of zeros in each, as a power cut can leave: V8 would take that bytecode and crash on it (it checks no
      // checksum); the files' own CRC-32 fails, so they are compiled from source and written anew.
      const damaged = Object.fromEntries(
        files().map((file) => {
          const bytes = readFileSync(join(code, file)).fill(0, 4096, 8192);
          writeFileSync(join(code, file), bytes);
          return [file, bytes];
        }),
      );
      const refused = loadedModules('glance', list, env);
      expect(refused.code).toBe(0);
      expect(refused.stdout).toBe(first.stdout);
      expect(files().filter((file) => !readFileSync(join(code, file)).equals(damaged[file]!))).toEqual(named('ahead', 'answer', 'early'));
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('with no home directory (no $HOME, no passwd entry for the user) a command runs without the code cache: no crash, no source on the terminal', () => {
    expect(process.getuid?.()).toBe(0); // setpriv runs it as a user that has no passwd entry
    const { HOME: _, XDG_CACHE_HOME: __, ...env } = { ...process.env, ...adminEnv() };
    const result = spawnSync('setpriv', ['--reuid=4242', '--regid=4242', '--clear-groups', join(ROOT, 'bin', 'glance'), 'image-list', '--name', 'none'], {
      encoding: 'utf8',
      env,
    });
    // The program's own one line about the home directory (the token cache needs it), naming the fix.
    expect(result.stderr).toBe('No home directory for the caches (no $HOME, and uid 4242 has no passwd entry): set HOME or XDG_CACHE_HOME.\n');
    expect(result.status).toBe(1);
  });

  it('keystone --help likewise', () => {
    const { code, files } = loadedModules('keystone', ['--help']);
    expect(code).toBe(0);
    expect(files.filter((u) => /tsx|typescript|node_modules|\/dist\/factory-/.test(u))).toEqual([]);
  });
});

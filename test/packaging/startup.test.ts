// The shipped program is compiled JavaScript: --help loads neither TypeScript tooling nor the HTTP stack.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** Runs bin/<name> with a loader hook that reports every module URL it resolves. */
function loadedModules(name: string, args: string[]): { code: number | null; urls: string[]; stdout: string } {
  const hook = `data:text/javascript,${encodeURIComponent(
    'export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("LOADED " + r.url + "\\n"); return r; }',
  )}`;
  const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hook)});`)}`;
  const result = spawnSync(process.execPath, ['--no-warnings', '--import', register, join(ROOT, 'bin', name), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });
  const urls = result.stderr
    .split('\n')
    .filter((l) => l.startsWith('LOADED '))
    .map((l) => l.slice(7));
  return { code: result.status, urls, stdout: result.stdout };
}

describe('start-up', () => {
  it('glance --help runs the compiled bundle only: no tsx, no TypeScript, nothing from node_modules, no HTTP stack', () => {
    const { code, urls, stdout } = loadedModules('glance', ['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('image-create');
    const files = urls.filter((u) => u.startsWith('file:'));
    expect(files.some((u) => u.endsWith('/dist/entry.js'))).toBe(true);
    expect(files.filter((u) => /tsx|typescript|node_modules|\.ts$/.test(u))).toEqual([]);
    // The session factory chunk is what imports the HTTP stack: --help must not reach it.
    expect(files.filter((u) => /\/dist\/factory-/.test(u))).toEqual([]);
  });

  it("the program's help comes from the build, as commander prints it (`help`), without loading commander or the command table", () => {
    for (const name of ['glance', 'keystone']) {
      const viaCommander = loadedModules(name, ['help']);
      expect(viaCommander.code).toBe(0);
      expect(viaCommander.urls.some((u) => /\/dist\/main-/.test(u))).toBe(true);
      for (const args of [['--help'], ['-h'], ...(name === 'glance' ? [[]] : [])]) {
        const { code, urls, stdout } = loadedModules(name, args);
        expect(code).toBe(0);
        expect(stdout).toBe(viaCommander.stdout);
        expect(urls.filter((u) => u.includes('/dist/')).map((u) => u.replace(/.*\/dist\//, ''))).toEqual(['entry.js', expect.stringMatching(/^chunk-/)]);
      }
    }
  });

  it("the v2 dialect's argparse help and errors (glanceclient's parsers, the formatter) load only when help or an error is printed", () => {
    const argparseChunks = (urls: string[]): string[] => urls.filter((u) => /\/dist\/(glance-v2|formatter)-/.test(u));
    const plain = loadedModules('glance', ['--os-image-api-version', '2', 'bash-completion']);
    expect(plain.code).toBe(0);
    expect(argparseChunks(plain.urls)).toEqual([]);
    const help = loadedModules('glance', ['--os-image-api-version', '2', 'help', 'member-get']);
    expect(help.stdout).toContain('usage: glance member-get <IMAGE_ID> <MEMBER_ID>');
    expect(argparseChunks(help.urls)).toHaveLength(2);
  });

  it('glance --version loads dist/entry.js and no more: no commander, no command table', () => {
    const { code, urls, stdout } = loadedModules('glance', ['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const dist = urls.filter((u) => u.includes('/dist/')).map((u) => u.replace(/.*\/dist\//, ''));
    // entry.js and esbuild's shared helpers; main-*.js (commander, the table) never.
    expect(dist[0]).toBe('entry.js');
    expect(dist.slice(1)).toEqual([expect.stringMatching(/^chunk-/)]);
  });

  it("a command loads its own module and no other command's", () => {
    const { code, urls } = loadedModules('glance', ['image-list', '--help']);
    expect(code).toBe(0);
    const commands = urls.map((u) => /\/dist\/((image|member|md|task|cache|location|stores)-[a-z-]+)-[A-Z0-9]+\.js$/.exec(u)?.[1]).filter(Boolean);
    expect(commands).toEqual(['image-list']);
  });

  it('keystone --help likewise', () => {
    const { code, urls } = loadedModules('keystone', ['--help']);
    expect(code).toBe(0);
    expect(urls.filter((u) => /tsx|typescript|node_modules|\/dist\/factory-/.test(u))).toEqual([]);
  });
});

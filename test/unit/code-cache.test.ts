import { chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ModuleClass, PathLoader } from '../../src/code-cache.js';

const Module = createRequire(import.meta.url)('node:module') as ModuleClass;

let root: string;
let dist: string;
let code: string;

/** A module that counts its runs in a global and requires a sibling, as a path file does. */
function writeModules(): void {
  writeFileSync(join(dist, 'helper.cjs'), 'module.exports = { twice: (n) => 2 * n };\n');
  writeFileSync(
    join(dist, 'path-a.cjs'),
    '"use strict";\nglobalThis.__pathARuns = (globalThis.__pathARuns ?? 0) + 1;\nconst { twice } = require("./helper.cjs");\nmodule.exports = { answer: twice(21), file: __filename, self: this === exports };\n',
  );
}

/** A fresh loader, as a new process would have: the modules it loaded are forgotten. */
function loader(buildId = 'build1'): PathLoader {
  for (const name of ['path-a.cjs', 'helper.cjs', 'path-bad.cjs']) delete require.cache[join(dist, name)];
  return new PathLoader(dist, code, buildId, Module);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'osc-code-cache-'));
  dist = join(root, 'dist');
  code = join(root, 'cache', 'openstack-classic-cli', 'code');
  mkdirSync(dist);
  mkdirSync(join(root, 'cache'));
  writeModules();
  (globalThis as { __pathARuns?: number }).__pathARuns = 0;
});

afterEach(() => {
  loader(); // forgets the modules
  rmSync(root, { recursive: true, force: true });
});

/** Where the bytecode of dist/path-a.cjs as it is now goes, for a build. */
const cacheFile = (buildId = 'build1') => join(code, `path-a-${buildId}-${statSync(join(dist, 'path-a.cjs'), { bigint: true }).ctimeNs}.v8`);

describe('PathLoader (src/code-cache.ts)', () => {
  it('loads a file as require would: its exports, its own require, __filename, `this`; once per process', () => {
    const paths = loader();
    const first = paths.require('path-a.cjs');
    expect(first).toEqual({ answer: 42, file: join(dist, 'path-a.cjs'), self: true });
    expect(paths.require('path-a.cjs')).toBe(first);
    expect(require.cache[join(dist, 'path-a.cjs')]?.exports).toBe(first);
    expect((globalThis as { __pathARuns?: number }).__pathARuns).toBe(1);
  });

  it('writes the bytecode of a file compiled without any (0600, its directories 0700), and a later run compiled from it has nothing to write', () => {
    const first = loader();
    first.require('path-a.cjs');
    expect(existsSync(code)).toBe(false); // nothing is written before the run ends
    first.writeCaches();
    expect(statSync(cacheFile()).mode & 0o777).toBe(0o600);
    expect(statSync(code).mode & 0o777).toBe(0o700);
    const written = readFileSync(cacheFile());
    expect(written.length).toBeGreaterThan(100);

    rmSync(cacheFile());
    writeFileSync(cacheFile(), written, { mode: 0o600 });
    const second = loader();
    expect(second.require('path-a.cjs')).toMatchObject({ answer: 42 });
    rmSync(cacheFile());
    second.writeCaches();
    expect(existsSync(cacheFile())).toBe(false); // its cache was used: nothing to write again
  });

  it('a cache V8 refuses (not its bytecode) still loads the file from its source, and is written anew', () => {
    mkdirSync(code, { recursive: true, mode: 0o700 });
    writeFileSync(cacheFile(), Buffer.alloc(4096, 0x5a), { mode: 0o600 });
    const paths = loader();
    expect(paths.require('path-a.cjs')).toMatchObject({ answer: 42 });
    paths.writeCaches();
    expect(readFileSync(cacheFile()).equals(Buffer.alloc(4096, 0x5a))).toBe(false);
  });

  it("another build's bytecode is never used, and is removed when this build writes its own", () => {
    const old = loader('build0');
    old.require('path-a.cjs');
    old.writeCaches();
    const other = join(code, 'unrelated.txt');
    writeFileSync(other, 'kept');
    const paths = loader('build1');
    paths.require('path-a.cjs');
    paths.writeCaches(); // build1 found no cache of its own: build0's was not taken for it
    expect(readdirSync(code).sort()).toEqual([basename(cacheFile('build1')), 'unrelated.txt']);
  });

  it('a file changed since its bytecode was written, to the same length, is compiled from what it is now (V8 checks only the length)', async () => {
    const first = loader();
    first.require('path-a.cjs');
    first.writeCaches();
    const before = cacheFile();
    await new Promise((resolve) => setTimeout(resolve, 20)); // another change time
    const source = readFileSync(join(dist, 'path-a.cjs'), 'utf8');
    writeFileSync(join(dist, 'path-a.cjs'), source.replace('twice(21)', 'twice(12)'));
    expect(readFileSync(join(dist, 'path-a.cjs'), 'utf8')).toHaveLength(source.length);
    const changed = loader();
    expect(changed.require('path-a.cjs')).toMatchObject({ answer: 24 });
    changed.writeCaches();
    expect(readdirSync(code)).toEqual([basename(cacheFile())]); // the older bytecode of that file is gone
    expect(cacheFile()).not.toBe(before);
  });

  it('a cache file that is a link, or not this user’s, is not read; writing replaces the link without following it', () => {
    const paths = loader();
    paths.require('path-a.cjs');
    paths.writeCaches();
    const target = join(root, 'target.v8');
    writeFileSync(target, readFileSync(cacheFile()));
    rmSync(cacheFile());
    symlinkSync(target, cacheFile());
    const linked = loader();
    linked.require('path-a.cjs');
    rmSync(target);
    writeFileSync(target, 'the target');
    linked.writeCaches(); // the link was not read as a cache: there is one to write
    expect(lstatSync(cacheFile()).isSymbolicLink()).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('the target');

    if (process.getuid?.() !== 0) return; // only root can give a file to another user
    chownSync(cacheFile(), 12345, 12345);
    const foreign = loader();
    foreign.require('path-a.cjs');
    foreign.writeCaches();
    expect(statSync(cacheFile()).uid).toBe(0);
  });

  it('without a cache directory (codeDir undefined) it loads and writes nothing', () => {
    delete require.cache[join(dist, 'path-a.cjs')];
    const paths = new PathLoader(dist, undefined, 'build1', Module);
    expect(paths.require('path-a.cjs')).toMatchObject({ answer: 42 });
    paths.writeCaches();
    expect(existsSync(join(root, 'cache', 'openstack-classic-cli'))).toBe(false);
  });

  it('a file that throws as it loads is not kept as loaded: the error is its own, and the next require runs it again', () => {
    writeFileSync(join(dist, 'path-bad.cjs'), 'globalThis.__badRuns = (globalThis.__badRuns ?? 0) + 1;\nthrow new Error("bad module");\n');
    const paths = loader();
    expect(() => paths.require('path-bad.cjs')).toThrow('bad module');
    expect(require.cache[join(dist, 'path-bad.cjs')]).toBeUndefined();
    expect(() => paths.require('path-bad.cjs')).toThrow('bad module');
    expect((globalThis as { __badRuns?: number }).__badRuns).toBe(2);
  });
});

import {
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { crc32 } from 'node:zlib';
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

const KEY = 'aaaa0001-v20.20.2';

/** A fresh loader, as a new process would have: the modules it loaded are forgotten. */
function loader(key = KEY): PathLoader {
  for (const name of ['path-a.cjs', 'helper.cjs', 'path-bad.cjs']) delete require.cache[join(dist, name)];
  return new PathLoader(dist, Module, { dir: code, key, crc32 });
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

/** Where the bytecode of dist/path-a.cjs as it is now goes, for a key. */
const cacheFile = (key = KEY) => join(code, `path-a-${key}-${statSync(join(dist, 'path-a.cjs'), { bigint: true }).ctimeNs}.v8`);

/** Loads path-a with a fresh loader and writes its cache; whether there was one to write (its cache was not used). */
function run(key = KEY): boolean {
  const paths = loader(key);
  expect(paths.require('path-a.cjs')).toMatchObject({ answer: 42 });
  const before = existsSync(cacheFile(key)) ? readFileSync(cacheFile(key)) : undefined;
  rmSync(cacheFile(key), { force: true });
  paths.writeCaches();
  const wrote = existsSync(cacheFile(key));
  if (!wrote && before) writeFileSync(cacheFile(key), before, { mode: 0o600 });
  return wrote;
}

describe('PathLoader (src/code-cache.ts)', () => {
  it('loads a file as require would: its exports, its own require, __filename, `this`; once per process', () => {
    const paths = loader();
    const first = paths.require('path-a.cjs');
    expect(first).toEqual({ answer: 42, file: join(dist, 'path-a.cjs'), self: true });
    expect(paths.require('path-a.cjs')).toBe(first);
    expect(require.cache[join(dist, 'path-a.cjs')]?.exports).toBe(first);
    expect((globalThis as { __pathARuns?: number }).__pathARuns).toBe(1);
  });

  it('writes the bytecode of a file compiled without any (0600, its directories 0700, sealed by a CRC-32), and a later run compiled from it has nothing to write', () => {
    const first = loader();
    first.require('path-a.cjs');
    expect(existsSync(code)).toBe(false); // nothing is written before the run ends
    first.writeCaches();
    expect(statSync(cacheFile()).mode & 0o777).toBe(0o600);
    expect(statSync(code).mode & 0o777).toBe(0o700);
    const written = readFileSync(cacheFile());
    expect(written.subarray(0, 4).toString('latin1')).toBe('OSC1');
    expect(written.readUInt32LE(4)).toBe(crc32(written.subarray(8), 0));
    expect(run()).toBe(false); // its cache was used: nothing to write again
  });

  it('damaged bytecode V8 would take (a block of zeros, a byte changed) is never run: compiled from source and written anew', () => {
    expect(run()).toBe(true);
    const good = readFileSync(cacheFile());
    for (const damage of [(b: Buffer) => b.fill(0, 64, 64 + 256), (b: Buffer) => b.writeUInt8(b.readUInt8(b.length - 5) ^ 0x01, b.length - 5)]) {
      const damaged = Buffer.from(good);
      damage(damaged);
      writeFileSync(cacheFile(), damaged);
      expect(run()).toBe(true);
    }
    // Bytecode as V8 wrote it, without this project's seal: not taken either.
    writeFileSync(cacheFile(), good.subarray(8));
    expect(run()).toBe(true);
  });

  it('a cache V8 refuses (not its bytecode) still loads the file from its source, and is written anew', () => {
    mkdirSync(code, { recursive: true, mode: 0o700 });
    const junk = Buffer.alloc(4096, 0x5a);
    junk.write('OSC1', 0, 'latin1');
    junk.writeUInt32LE(crc32(junk.subarray(8), 0), 4);
    writeFileSync(cacheFile(), junk, { mode: 0o600 });
    expect(run()).toBe(true);
  });

  it("another build's bytecode is never used; writing keeps the last other build's (two installs in turn) and removes older ones", async () => {
    const keys = ['aaaa0001-v20.20.2', 'aaaa0002-v20.20.2', 'aaaa0003-v20.20.2', 'aaaa0001-v20.20.3'];
    for (const [i, key] of keys.entries()) {
      expect(run(key)).toBe(true); // each found no cache of its own
      const when = new Date(Date.now() - (keys.length - i) * 60_000);
      utimesSync(cacheFile(key), when, when);
    }
    writeFileSync(join(code, 'unrelated.txt'), 'kept');
    // Each write kept the other build written last, and removed the rest.
    expect(readdirSync(code).sort()).toEqual([basename(cacheFile(keys[2]!)), basename(cacheFile(keys[3]!)), 'unrelated.txt'].sort());
    expect(run(keys[2])).toBe(false); // the other install's, still there
  });

  it('a file changed since its bytecode was written, to the same length, is compiled from what it is now (V8 checks only the length)', async () => {
    expect(run()).toBe(true);
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

  it('a cache file that is a link, or not this user’s, or in a directory not this user’s, is not read; writing replaces the link without following it', () => {
    expect(run()).toBe(true);
    const target = join(root, 'target.v8');
    writeFileSync(target, readFileSync(cacheFile()));
    rmSync(cacheFile());
    symlinkSync(target, cacheFile());
    const linked = loader();
    linked.require('path-a.cjs');
    writeFileSync(target, 'the target');
    linked.writeCaches(); // the link was not read as a cache: there is one to write
    expect(lstatSync(cacheFile()).isSymbolicLink()).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('the target');

    if (process.getuid?.() !== 0) return; // only root can give a file to another user
    chownSync(cacheFile(), 12345, 12345);
    expect(run()).toBe(true);
    chownSync(code, 12345, 12345);
    const foreignDir = loader();
    foreignDir.require('path-a.cjs');
    expect((foreignDir as unknown as { uncached: unknown[] }).uncached).toHaveLength(1); // not read from there
  });

  it('a write that fails leaves no temporary file; one left by a run stopped as it wrote is removed by the next write', () => {
    expect(run()).toBe(true);
    rmSync(cacheFile());
    mkdirSync(cacheFile()); // the cache file's name taken by a directory: the rename fails
    writeFileSync(join(code, 'unrelated.tmp'), 'not ours');
    const blocked = loader();
    blocked.require('path-a.cjs');
    blocked.writeCaches();
    expect(readdirSync(code).filter((file) => file.endsWith('.tmp'))).toEqual(['unrelated.tmp']);
    rmSync(cacheFile(), { recursive: true });
    const left = `${cacheFile()}.4242.0badf00d.tmp`;
    writeFileSync(left, 'half');
    const old = new Date(Date.now() - 120_000);
    utimesSync(left, old, old);
    expect(run()).toBe(true);
    expect(existsSync(left)).toBe(false);
  });

  it('without a cache (no home directory, no CRC-32) it loads and writes nothing', () => {
    delete require.cache[join(dist, 'path-a.cjs')];
    const paths = new PathLoader(dist, Module);
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

// Loads the build's merged start-up files (dist/path-*.cjs, scripts/build.mjs) with V8's code cache
// (issue 16): compiling them was about a sixth of a cached image-list's CPU. A file is compiled as
// Node's require compiles it, given the bytecode that a run of this same build left in
// `$XDG_CACHE_HOME/openstack-classic-cli/code/`; a run that found none there (or whose V8 refused
// it) leaves one as it exits, holding what that run compiled. Cache files are named by a hash of the
// whole build, Node's version and the file's change time (V8 itself checks only its own version and
// the source's length), checked by a CRC-32 of their own, read only if they and their directory are
// this user's (cache-dir.ts), and hold compiled code, never a run's data.
// Built on its own into dist/load-path.cjs: it is what loads the others.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Script } from 'node:vm';
import { cacheDir, checkCacheDir, readOwnCacheBytes, writeOwnCacheFile } from './cache-dir.js';

declare const __DIST_ID__: string;

/** Far above what the path files' bytecode takes (about 1.5× their source): a larger file is not ours to read. */
const MAX_CACHE_BYTES = 16 * 1024 * 1024;
/** A temporary file older than this was left by a run stopped as it wrote (a signal): removed at the next write. */
const LEFT_TMP_MS = 60_000;

type ModuleFunction = (exports: unknown, require: (id: string) => unknown, module: NodeJS.Module, filename: string, dirname: string) => void;
/** require's Module class. */
export type ModuleClass = new (id: string) => NodeJS.Module;
/** zlib's CRC-32 of data, continuing from value. */
export type Crc32 = (data: Uint8Array, value: number) => number;

/**
 * A cache file is `OSC1`, the CRC-32 of the bytecode, the bytecode: V8 checks only its own version,
 * flags and lengths, and runs damaged bytecode as it finds it (a block of zeros left by a power cut
 * crashes it, every run); a file that fails the check is compiled from source and written anew.
 */
const MAGIC = 0x3143534f;
const HEADER_BYTES = 8;

/** Where the cache of one path file of a build goes (KEY: the build and Node; CHANGED: the file's change time). */
const CACHE_FILE = /^(path-[a-z]+)-([0-9a-f]+-v[\d.]+)-(\d+)\.v8$/;

/** Loads files of one directory as CommonJS modules, each compiled with its cached bytecode if there is some. */
export class PathLoader {
  /** Compiled without usable cached bytecode: written to the cache by writeCaches(). */
  private readonly uncached: Array<{ script: Script; cacheFile: string }> = [];
  private dirUsable?: boolean;

  /** `cache` undefined: no cache, compiled as require would. `key`: the build's, with Node's version. */
  constructor(
    private readonly dir: string,
    private readonly Module: ModuleClass,
    private readonly cache?: { dir: string; key: string; crc32: Crc32 },
  ) {}

  /** The module `name` of the directory, once per process: require.cache holds it, as require would. */
  require(name: string): unknown {
    const filename = join(this.dir, name);
    const known = require.cache[filename];
    if (known) return known.exports;
    const module = new this.Module(filename);
    module.filename = filename;
    module.paths = [];
    require.cache[filename] = module;
    try {
      const run = this.compile(name, filename);
      run.call(module.exports, module.exports, (id) => module.require(id), module, filename, this.dir);
    } catch (err) {
      delete require.cache[filename];
      throw err;
    }
    module.loaded = true;
    return module.exports;
  }

  /**
   * Writes the bytecode of each file compiled without any (what this run compiled of it), durably;
   * removes older bytecode of those files, that of builds but this one and the last other one used
   * (two installs in turn keep theirs), and temporary files left by a run stopped as it wrote.
   */
  writeCaches(): void {
    const { cache } = this;
    if (cache === undefined || this.uncached.length === 0) return;
    try {
      if (checkCacheDir(cache.dir, true) !== 'usable') return;
      const writing = this.uncached.splice(0);
      this.prune(new Set(writing.map(({ cacheFile }) => basename(cacheFile))));
      for (const { script, cacheFile } of writing) {
        const data = script.createCachedData();
        const header = Buffer.alloc(HEADER_BYTES);
        header.writeUInt32LE(MAGIC, 0);
        header.writeUInt32LE(cache.crc32(data, 0), 4);
        writeOwnCacheFile(cacheFile, Buffer.concat([header, data]), { durable: true });
      }
    } catch {
      // A cache that cannot be written only costs the next run the compiling.
    }
  }

  private prune(writing: Set<string>): void {
    const { dir, key } = this.cache!;
    const files = readdirSync(dir);
    const replaced = new Set([...writing].map((file) => CACHE_FILE.exec(file)?.[1]));
    const others = new Map<string, number>(); // another key: when its files were last written
    for (const file of files) {
      const [, stem, fileKey] = CACHE_FILE.exec(file) ?? [];
      if (fileKey !== undefined && fileKey !== key) others.set(fileKey, Math.max(others.get(fileKey) ?? 0, statSync(join(dir, file)).mtimeMs));
    }
    const kept = [...others].sort((a, b) => b[1] - a[1])[0]?.[0];
    for (const file of files) {
      const [, stem, fileKey] = CACHE_FILE.exec(file) ?? [];
      const older = fileKey === key ? replaced.has(stem) && !writing.has(file) : fileKey !== undefined && fileKey !== kept;
      const left =
        file.endsWith('.tmp') && CACHE_FILE.test(file.replace(/\.\d+\.[0-9a-f]+\.tmp$/, '')) && Date.now() - statSync(join(dir, file)).mtimeMs > LEFT_TMP_MS;
      if (older || left) rmSync(join(dir, file), { force: true });
    }
  }

  private compile(name: string, filename: string): ModuleFunction {
    // The file's change time too: a file changed since the build (by hand, by a packager) is compiled
    // anew, never run as the bytecode of what it was, which V8 would take if its length is the same.
    const changed = statSync(filename, { bigint: true }).ctimeNs;
    const cacheFile = this.cache === undefined ? undefined : join(this.cache.dir, `${name.replace(/\.cjs$/, '')}-${this.cache.key}-${changed}.v8`);
    const cachedData = cacheFile === undefined ? undefined : this.read(cacheFile);
    // The wrapper require puts around a module, on the same line: stack traces keep their line numbers.
    const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(filename, 'utf8')}\n})`;
    const script = new Script(source, { filename, cachedData });
    if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected)) this.uncached.push({ script, cacheFile });
    return script.runInThisContext() as ModuleFunction;
  }

  /** The bytecode in a cache file, if the directory and the file are ours and its CRC-32 holds. */
  private read(file: string): Buffer | undefined {
    const { dir, crc32 } = this.cache!;
    try {
      this.dirUsable ??= checkCacheDir(dir, false) === 'usable';
      if (!this.dirUsable) return undefined;
      const bytes = readOwnCacheBytes(file, MAX_CACHE_BYTES);
      if (bytes.length <= HEADER_BYTES || bytes.readUInt32LE(0) !== MAGIC) return undefined;
      const data = bytes.subarray(HEADER_BYTES);
      return crc32(data, 0) === bytes.readUInt32LE(4) ? data : undefined;
    } catch {
      return undefined; // none yet, or not ours: compiled from the source alone
    }
  }
}

/**
 * zlib's CRC-32 from Node's own binding (~0.2 ms for the path files' bytecode): loading node:zlib,
 * whose crc32 it is, costs ~2.4 ms and ~110 page faults. Undefined (no code cache) where it is not
 * there, or where process.binding would print a deprecation warning (--pending-deprecation).
 */
function bindingCrc32(): Crc32 | undefined {
  const pending = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].includes('--pending-deprecation');
  if (pending || process.env.NODE_PENDING_DEPRECATION === '1') return undefined;
  try {
    const { crc32 } = (process as unknown as { binding(name: string): { crc32?: unknown } }).binding('zlib');
    return typeof crc32 === 'function' ? (crc32 as Crc32) : undefined;
  } catch {
    return undefined;
  }
}

function codeCache(): { dir: string; key: string; crc32: Crc32 } | undefined {
  const crc32 = bindingCrc32();
  if (typeof __DIST_ID__ !== 'string' || crc32 === undefined) return undefined;
  try {
    return { dir: cacheDir(process.env, 'code'), key: `${__DIST_ID__}-${process.version}`, crc32 };
  } catch {
    return undefined; // no home directory (no $HOME, no passwd entry): no cache
  }
}

let loader: PathLoader | undefined;

/** dist/load-path.cjs's export: the path file `name` of dist/, loaded (once) with the code cache. */
export function requirePath(name: string): unknown {
  if (loader === undefined) {
    // This module's own class: node:module would load the ES module loader as well (~130 page faults).
    loader = new PathLoader(__dirname, module.constructor as ModuleClass, codeCache());
    process.once('exit', () => loader?.writeCaches());
  }
  return loader.require(name);
}

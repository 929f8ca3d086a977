// Loads the build's merged start-up files (dist/path-*.cjs, scripts/build.mjs) with V8's code cache
// (issue 16): compiling them was about a sixth of a cached image-list's CPU. A file is compiled as
// Node's require compiles it, given the bytecode that a run of this same build left in
// `$XDG_CACHE_HOME/openstack-classic-cli/code/`; a run that found none there (or whose V8 refused
// it: another Node) leaves one as it exits, holding what that run compiled. Cache files are named
// by a hash of the whole build and the file's change time (V8 itself checks only its own version
// and the source's length), read only if they are this user's own (cache-dir.ts), and hold
// compiled code, never a run's data.
// Built on its own into dist/load-path.cjs: it is what loads the others.
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Script } from 'node:vm';
import { cacheDir, checkCacheDir, readOwnCacheBytes, writeOwnCacheFile } from './cache-dir.js';

declare const __DIST_ID__: string;

/** Far above what the path files' bytecode takes (about 1.5× their source): a larger file is not ours to read. */
const MAX_CACHE_BYTES = 16 * 1024 * 1024;

type ModuleFunction = (exports: unknown, require: (id: string) => unknown, module: NodeJS.Module, filename: string, dirname: string) => void;
/** require's Module class. */
export type ModuleClass = new (id: string) => NodeJS.Module;

/** Loads files of one directory as CommonJS modules, each compiled with its cached bytecode if there is some. */
export class PathLoader {
  /** Compiled without cached bytecode: written to the cache by writeCaches(). */
  private readonly uncached: Array<{ name: string; script: Script; cacheFile: string }> = [];

  /** `codeDir` undefined: no cache, compiled as require would. */
  constructor(
    private readonly dir: string,
    private readonly codeDir: string | undefined,
    private readonly buildId: string,
    private readonly Module: ModuleClass,
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

  /** Writes the bytecode of each file compiled without any (what this run compiled of it); removes other builds' files and older ones of those files. */
  writeCaches(): void {
    if (this.codeDir === undefined || this.uncached.length === 0) return;
    try {
      if (checkCacheDir(this.codeDir, true) !== 'usable') return;
      const writing = this.uncached.splice(0);
      const names = new Set(writing.map(({ cacheFile }) => basename(cacheFile)));
      const replaced = new Set(writing.map(({ name }) => `${stem(name)}-`));
      for (const file of readdirSync(this.codeDir)) {
        const stale = !file.includes(`-${this.buildId}-`) || [...replaced].some((prefix) => file.startsWith(prefix));
        if (file.endsWith('.v8') && stale && !names.has(file)) rmSync(join(this.codeDir, file), { force: true });
      }
      for (const { script, cacheFile } of writing) writeOwnCacheFile(cacheFile, script.createCachedData());
    } catch {
      // A cache that cannot be written only costs the next run the compiling.
    }
  }

  private compile(name: string, filename: string): ModuleFunction {
    // The file's change time too: a file changed since the build (by hand, by a packager) is compiled
    // anew, never run as the bytecode of what it was, which V8 would take if its length is the same.
    const changed = statSync(filename, { bigint: true }).ctimeNs;
    const cacheFile = this.codeDir === undefined ? undefined : join(this.codeDir, `${stem(name)}-${this.buildId}-${changed}.v8`);
    const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
    // The wrapper require puts around a module, on the same line: stack traces keep their line numbers.
    const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(filename, 'utf8')}\n})`;
    const script = new Script(source, { filename, cachedData });
    if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected)) this.uncached.push({ name, script, cacheFile });
    return script.runInThisContext() as ModuleFunction;
  }
}

const stem = (name: string): string => name.replace(/\.cjs$/, '');

function readCache(file: string): Buffer | undefined {
  try {
    return readOwnCacheBytes(file, MAX_CACHE_BYTES);
  } catch {
    return undefined; // none yet, or not ours: compiled from the source alone
  }
}

let loader: PathLoader | undefined;

/** dist/load-path.cjs's export: the path file `name` of dist/, loaded (once) with the code cache. */
export function requirePath(name: string): unknown {
  if (loader === undefined) {
    const buildId = typeof __DIST_ID__ === 'string' ? __DIST_ID__ : undefined;
    // This module's own class: node:module would load the ES module loader as well (~130 page faults).
    loader = new PathLoader(__dirname, buildId && cacheDir(process.env, 'code'), buildId ?? '', module.constructor as ModuleClass);
    process.once('exit', () => loader?.writeCaches());
  }
  return loader.require(name);
}

// Bundles src/main.ts into dist/ with code splitting, so start-up loads only what a command needs.
// Builds into a fresh directory and swaps it in, so a CLI run (a test, the bench) never meets a
// half-written dist/. `--outdir DIR` builds elsewhere (the bench builds its own private copy).
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// undici's HTTP/2 client loads node:http2 (and with it tls) at start-up; we never allow h2
// (Glance and Keystone speak HTTP/1.1), so its module is replaced by one that says so if reached.
const withoutHttp2 = {
  name: 'undici-without-http2',
  setup(b) {
    b.onLoad({ filter: /undici[\\/]lib[\\/]dispatcher[\\/]client-h2\.js$/ }, () => ({
      contents: "module.exports = function connectH2 () { throw new Error('HTTP/2 was negotiated, but this CLI speaks HTTP/1.1 only') }",
      loader: 'js',
    }));
  },
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const at = process.argv.indexOf('--outdir');
const outdir = resolve(at > 0 ? process.argv[at + 1] : resolve(root, 'dist'));
const fresh = `${outdir}.building-${process.pid}`;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
try {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/main.ts'],
    outdir: fresh,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: false,
    minifySyntax: true,
    define: { __VERSION__: JSON.stringify(pkg.version) },
    // Some CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    plugins: [withoutHttp2],
    logLevel: 'warning',
  });
  rmSync(outdir, { recursive: true, force: true });
  renameSync(fresh, outdir);
} finally {
  rmSync(fresh, { recursive: true, force: true });
}

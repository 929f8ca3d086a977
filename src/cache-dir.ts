// Where this program keeps its caches (tokens, image schemas, file hashes), and which paths there
// it may trust: what a cache holds decides where a token goes or which image is reused.
import { join } from 'node:path';

/** `$XDG_CACHE_HOME/openstack-classic-cli/<name>`, else under ~/.cache. */
export function cacheDir(env: NodeJS.ProcessEnv, name: string): string {
  // node:os only without $HOME (loading it cost every cached command about 10 page faults).
  const base = env.XDG_CACHE_HOME || join(env.HOME || process.getBuiltinModule('node:os').homedir(), '.cache');
  return join(base, 'openstack-classic-cli', name);
}

const uid = process.getuid?.();

interface PathStats {
  isSymbolicLink(): boolean;
  isDirectory(): boolean;
  isFile(): boolean;
  uid: number | bigint;
}

/** Why a path may not hold our cache (a link, the wrong kind, another user's), or undefined when it may. */
export function untrustedPath(path: string, stats: PathStats, want: 'directory' | 'file'): string | undefined {
  if (stats.isSymbolicLink()) return `${path} is a symbolic link`;
  if (want === 'directory' ? !stats.isDirectory() : !stats.isFile()) return `${path} is not a ${want}`;
  if (uid !== undefined && Number(stats.uid) !== uid) return `${path} belongs to another user (uid ${stats.uid})`;
  return undefined;
}

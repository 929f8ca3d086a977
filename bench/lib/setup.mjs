// Everything a bench run needs before measuring: a private copy of the built CLI (others rebuild
// dist/ while we measure), credentials for each client, a token for curl, a scratch directory
// under /var/tmp, and a cleanup that deletes our files and images.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cloudInfo, Glance, rcEnv } from './cloud.mjs';
import { runOk } from './proc.mjs';

function version(argv) {
  try {
    return execFileSync(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] })
      .toString()
      .trim()
      .split('\n')[0];
  } catch {
    return 'unknown';
  }
}

export async function prepare(root, { build }) {
  const log = (line) => process.stderr.write(`bench: ${line}\n`);
  const cloud = cloudInfo();
  execFileSync('bash', [join(root, 'scripts/local-cloud.sh'), 'up'], { stdio: ['ignore', 'ignore', 'inherit'] });

  const work = join('/var/tmp', `osc-bench-${process.pid}`);
  const copy = join(work, 'cli');
  mkdirSync(join(copy, 'bin'), { recursive: true });
  if (build) {
    log('building into a private copy (node scripts/build.mjs --outdir …)');
    execFileSync('node', [join(root, 'scripts/build.mjs'), '--outdir', join(copy, 'dist')], { cwd: root, stdio: 'inherit' });
  } else {
    cpSync(join(root, 'dist'), join(copy, 'dist'), { recursive: true });
  }
  cpSync(join(root, 'bin'), join(copy, 'bin'), { recursive: true });
  cpSync(join(root, 'package.json'), join(copy, 'package.json'));
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'scripts/build.mjs'], { cwd: root }).toString().trim() !== '';

  const base = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8' };
  const oursEnv = { ...base, XDG_CACHE_HOME: join(work, 'cache'), ...rcEnv(cloud.keystonerc) };
  const pythonEnv = { ...base, ...rcEnv(cloud.keystonerc_v3) };

  const issued = await runOk(['/usr/bin/openstack', 'token', 'issue', '-f', 'value', '-c', 'id'], { env: pythonEnv, keepOutput: true });
  const token = issued.stdout.trim();
  // curl reads the header from a file (-H @file), so the token is never on a command line.
  const tokenHeader = join(work, 'token-header');
  writeFileSync(tokenHeader, `X-Auth-Token: ${token}\n`, { mode: 0o600 });
  chmodSync(tokenHeader, 0o600);
  const glance = new Glance(cloud.glance_url, token);

  // As users run it: bin/glance itself, whose shell launcher starts Node on it.
  const ours = (dialect, ...args) => [join(copy, 'bin', dialect), ...args];
  // The same program without the launcher (`node bin/glance`), for comparison.
  const oursPlain = (dialect, ...args) => ['node', join(copy, 'bin', dialect), ...args];
  await runOk(ours('glance', 'image-list'), { env: oursEnv }); // fills our token cache
  const help = (await runOk(ours('glance', '--help'), { env: oursEnv, keepOutput: true })).stdout;
  const has = (command) => new RegExp(`^\\s+${command}\\b`, 'm').test(help);

  const images = new Set();
  return {
    root,
    work,
    commit: commit + (dirty ? '+uncommitted' : ''),
    cloud,
    log,
    glance,
    tokenHeader,
    oursEnv,
    pythonEnv,
    ours,
    oursPlain,
    has,
    python: (...args) => ['/usr/bin/glance', ...args],
    reference: {
      glanceclient: version(['/usr/bin/glance', '--version']),
      openstackclient: version(['/usr/bin/openstack', '--version']),
      curl: version(['curl', '--version']),
    },
    /** Remembers an image name or id for deletion at the end, whatever happens. */
    track: (nameOrId) => images.add(nameOrId),
    async cleanup() {
      for (const item of images) {
        try {
          await glance.removeNamed(item);
          if (/^[0-9a-f-]{36}$/.test(item)) await glance.remove(item);
        } catch (err) {
          log(`cleanup of image ${item} failed: ${err.message}`);
        }
      }
      rmSync(work, { recursive: true, force: true });
    },
  };
}

// Seeding a cloud: 8 random images of 256 MiB with `glance image-seed --parallel 4` against a shell
// loop of python-glanceclient `image-create` over the same files, in the same run, on the local
// cloud; then image-seed again over the same manifest (every image reused: the hash cache answers,
// nothing is uploaded). One round (each variant uploads 2 GiB); images are deleted afterwards.
// Targets: first seed <= 0.5x the python loop; the re-run <= 0.1x the first seed.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATE_DIR } from '../lib/cloud.mjs';
import { run } from '../lib/proc.mjs';

const MiB = 1024 * 1024;
const COUNT = 8;
const BYTES = 256 * MiB;

/** CPU seconds (user+sys) Glance and Keystone have used so far: the servers' side of the work (other clients of a shared cloud count too). */
function serverCpu() {
  let ticks = 0;
  for (const service of ['glance', 'keystone']) {
    try {
      const pid = readFileSync(join(STATE_DIR, 'run', `${service}.pid`), 'utf8').trim();
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return Number.NaN;
    }
  }
  return ticks / 100;
}

/** run(), and the servers' CPU seconds while it ran. */
async function measured(argv, options) {
  const before = serverCpu();
  const result = await run(argv, options);
  return { ...result, serverCpu: Math.round((serverCpu() - before) * 100) / 100 };
}

export async function seedCase(env) {
  const base = { id: 'seed', group: 'seed', title: `seeding ${COUNT} images of ${BYTES / MiB} MiB` };
  if (!env.has('image-seed')) return { ...base, skipped: 'ours has no image-seed yet' };
  const dir = join(env.work, 'seed');
  execFileSync('mkdir', ['-p', dir]);
  env.log(`writing ${COUNT} files of ${BYTES / MiB} MiB of random data`);
  const files = Array.from({ length: COUNT }, (_, i) => {
    const file = join(dir, `image-${i}.raw`);
    execFileSync('sh', ['-c', `head -c ${BYTES} /dev/urandom > "${file}"`]);
    return file;
  });
  const name = (tool, i) => `bench-${process.pid}-seed-${tool}-${i}`;
  for (let i = 0; i < COUNT; i++) for (const tool of ['ours', 'python']) env.track(name(tool, i));
  const manifest = join(dir, 'images.yaml');
  writeFileSync(manifest, `images:\n${files.map((f, i) => `  - {name: ${name('ours', i)}, file: ${f}, disk_format: raw}\n`).join('')}`);
  // The loop a CI job writes today: one image-create per image, one after the other.
  const loop = files
    .map((f, i) => `/usr/bin/glance image-create --name ${name('python', i)} --disk-format raw --container-format bare --file ${f} >/dev/null`)
    .join(' && ');
  const seed = env.ours('glance', 'image-seed', manifest, '--parallel', '4', '-f', 'json');
  // The hash cache starts empty: the first seed reads and hashes every file.
  rmSync(join(env.oursEnv.XDG_CACHE_HOME, 'openstack-classic-cli', 'hashes'), { recursive: true, force: true });

  const loadBefore = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  env.log('python-glanceclient image-create loop');
  const python = await measured(['sh', '-c', loop], { env: env.pythonEnv });
  env.log('glance image-seed --parallel 4 (first run)');
  const first = await measured(seed, { env: env.oursEnv, keepOutput: true });
  env.log('glance image-seed --parallel 4 (again: all reused)');
  const again = await measured(seed, { env: env.oursEnv, keepOutput: true });
  for (const [what, result] of [
    ['python loop', python],
    ['first seed', first],
    ['re-run', again],
  ])
    if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}): ${result.stderr.trim()}`);
  const actions = (result) => JSON.parse(result.stdout).map((row) => row.Action);
  if (actions(first).some((a) => a !== 'created') || actions(again).some((a) => a !== 'reused'))
    throw new Error(`unexpected actions: first ${actions(first)}, again ${actions(again)}`);
  for (let i = 0; i < COUNT; i++) {
    for (const tool of ['ours', 'python']) {
      const images = await env.glance.byName(name(tool, i));
      if (images.length !== 1 || images[0].status !== 'active' || images[0].size !== BYTES)
        throw new Error(`${name(tool, i)}: ${images.length} images, ${images[0]?.status}, ${images[0]?.size} bytes`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const seconds = (result) => Math.round(result.ms) / 1000;
  const ratio = (a, b) => Math.round((a.ms / b.ms) * 1000) / 1000;
  const ratios = { 'first/python': ratio(first, python), 'again/first': ratio(again, first) };
  return {
    ...base,
    seconds: { python: seconds(python), first: seconds(first), again: seconds(again) },
    cpuSeconds: { python: python.cpuMs / 1000, first: first.cpuMs / 1000, again: again.cpuMs / 1000 },
    serverCpuSeconds: { python: python.serverCpu, first: first.serverCpu, again: again.serverCpu },
    loadAverageBefore: loadBefore,
    peakRssMB: { first: Math.round(first.rssKB / 1024), again: Math.round(again.rssKB / 1024) },
    ratios,
    target: { rule: 'first seed <= 0.5x the python loop; re-run <= 0.1x the first seed', met: ratios['first/python'] <= 0.5 && ratios['again/first'] <= 0.1 },
  };
}

// Throughput and memory: image-create of a big random file (ours, python-glanceclient, curl -T
// to a pre-created image), image-download with hash verification (ours, python, curl +
// sha512sum), and ours' peak RSS for two sizes. Files live under the scratch dir in /var/tmp.
import { execFileSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../lib/proc.mjs';

const MiB = 1024 * 1024;
const label = (bytes) => (bytes >= 1024 * MiB ? `${bytes / 1024 / MiB} GiB` : `${bytes / MiB} MiB`);

/** Random data (incompressible), made once per size; sizes above 1 GiB repeat a 1 GiB unit. */
function dataFile(env, bytes) {
  const file = join(env.work, `data-${bytes}`);
  if (sizeOf(file) === bytes) return file;
  if (bytes <= 1024 * MiB) {
    env.log(`writing ${label(bytes)} of random data`);
    execFileSync('sh', ['-c', `head -c ${bytes} /dev/urandom > "${file}"`]);
    return file;
  }
  const unit = dataFile(env, 1024 * MiB);
  const copies = Math.ceil(bytes / (1024 * MiB));
  env.log(`writing ${label(bytes)} (${copies} copies of ${label(1024 * MiB)})`);
  execFileSync('sh', ['-c', `for i in $(seq ${copies}); do cat "${unit}"; done | head -c ${bytes} > "${file}"`]);
  return file;
}

function sizeOf(file) {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
}

async function expectActive(image, bytes) {
  if (image?.status !== 'active' || image.size !== bytes)
    throw new Error(`image ${image?.id} is ${image?.status} with size ${image?.size}, expected active with ${bytes}`);
}

export async function transferCases(env, config) {
  const { ours, python, oursEnv, pythonEnv, glance, tokenHeader, track, has, work } = env;
  const bytes = config.transferBytes;
  const file = dataFile(env, bytes);
  const url = env.cloud.glance_url;
  const createArgs = (name) => ['image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare', '--file', file];
  const named = (tool) => (round) => {
    const name = `bench-${process.pid}-${tool}-${round}`;
    track(name);
    return { name };
  };
  const removeNamed = async ({ name }) => {
    const [image] = await glance.byName(name);
    await expectActive(image, bytes);
    await glance.removeNamed(name);
  };
  const upload = {
    id: 'upload',
    group: 'transfer',
    title: `image-create --file (${label(bytes)})`,
    unit: 'MB/s',
    bytes,
    warmup: false,
    target: { vs: 'curl', op: '>=', ratio: 0.95 },
    skip: has('image-create') ? undefined : 'ours has no image-create yet',
    variants: {
      ours: { before: named('ours'), argv: ({ name }) => ours('glance', ...createArgs(name)), env: oursEnv, after: removeNamed },
      python: { before: named('python'), argv: ({ name }) => python(...createArgs(name)), env: pythonEnv, after: removeNamed },
      curl: {
        async before(round) {
          const image = await glance.create(`bench-${process.pid}-curl-${round}`);
          track(image.id);
          return { id: image.id };
        },
        argv: ({ id }) => [
          'curl',
          '-sSf',
          '-o',
          '/dev/null',
          '-H',
          'Expect:',
          '-H',
          'Content-Type: application/octet-stream',
          '-H',
          `@${tokenHeader}`,
          '-T',
          file,
          `${url}/v2/images/${id}/file`,
        ],
        env: oursEnv,
        async after({ id }) {
          await expectActive(await glance.get(id), bytes);
          await glance.remove(id);
        },
      },
    },
  };

  // One image to download, uploaded once with curl (untimed); Glance records its sha512.
  let source;
  if (has('image-download')) {
    source = await glance.create(`bench-${process.pid}-download`);
    track(source.id);
    await run(
      [
        'curl',
        '-sSf',
        '-o',
        '/dev/null',
        '-H',
        'Expect:',
        '-H',
        'Content-Type: application/octet-stream',
        '-H',
        `@${tokenHeader}`,
        '-T',
        file,
        `${url}/v2/images/${source.id}/file`,
      ],
      { env: oursEnv },
    );
    source = await glance.get(source.id);
    await expectActive(source, bytes);
  }
  const out = join(work, 'download');
  const checkOut = () => {
    const size = statSync(out).size;
    rmSync(out, { force: true });
    if (size !== bytes) throw new Error(`downloaded ${size} bytes, expected ${bytes}`);
  };
  const download = {
    id: 'download',
    group: 'transfer',
    title: `image-download --file, hash verified (${label(bytes)})`,
    unit: 'MB/s',
    bytes,
    warmup: false,
    target: { vs: 'curl', op: '>=', ratio: 0.95 },
    skip: source ? undefined : 'ours has no image-download yet',
    variants: source && {
      ours: { argv: ours('glance', 'image-download', '--file', out, source.id), env: oursEnv, after: checkOut },
      python: { argv: python('image-download', '--file', out, source.id), env: pythonEnv, after: checkOut },
      curl: {
        // Download, then hash and compare with Glance's os_hash_value, as a careful script would.
        argv: [
          'sh',
          '-c',
          'curl -sSf -H "@$1" -o "$2" "$3" && test "$(sha512sum "$2" | cut -d" " -f1)" = "$4"',
          'sh',
          tokenHeader,
          out,
          `${url}/v2/images/${source.id}/file`,
          source.os_hash_value,
        ],
        env: oursEnv,
        after: checkOut,
      },
    },
  };
  return [upload, download];
}

/** Peak RSS of ours uploading each size once; flat in size is the goal. */
export async function rssCase(env, config) {
  const base = { id: 'rss', group: 'rss', title: 'peak RSS of ours, image-create --file' };
  if (!env.has('image-create')) return { ...base, skipped: 'ours has no image-create yet' };
  const sizes = [];
  for (const bytes of config.rssBytes) {
    const file = dataFile(env, bytes);
    const name = `bench-${process.pid}-rss-${bytes}`;
    env.track(name);
    const result = await run(env.ours('glance', 'image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare', '--file', file), {
      env: env.oursEnv,
    });
    if (result.code !== 0) throw new Error(`rss upload of ${label(bytes)} failed: ${result.stderr.trim()}`);
    const [image] = await env.glance.byName(name);
    await expectActive(image, bytes);
    await env.glance.removeNamed(name);
    if (bytes > 1024 * MiB) rmSync(file, { force: true });
    sizes.push({ size: label(bytes), bytes, peakRssMB: Math.round(result.rssKB / 1024), seconds: Math.round(result.ms) / 1000 });
    env.log(`rss: ${label(bytes)} → ${Math.round(result.rssKB / 1024)} MB`);
  }
  const [small, big] = sizes;
  const growth = big.peakRssMB / small.peakRssMB - 1;
  const met = growth <= 0.1 && Math.max(small.peakRssMB, big.peakRssMB) <= 100;
  return { ...base, sizes, growth: Math.round(growth * 1000) / 1000, target: { rule: 'bigger within 10% of smaller, both <= 100 MB', met } };
}

// Start-up and round-trip cases: help, lists with and without a cached token, and how many HTTP
// requests each command makes (from the --debug traces).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../lib/proc.mjs';

export function startupCases(env) {
  const { ours, oursPlain, python, oursEnv, pythonEnv, cloud, tokenHeader } = env;
  const curlGet = (url) => ['curl', '-sSf', '-o', '/dev/null', '-H', `@${tokenHeader}`, url];
  return [
    {
      id: 'help',
      group: 'startup',
      title: 'glance --help',
      unit: 'ms',
      target: { vs: 'python', op: '<=', ratio: 0.1 },
      variants: {
        ours: { argv: ours('glance', '--help'), env: oursEnv },
        plain: { argv: oursPlain('glance', '--help'), env: oursEnv },
        python: { argv: python('--help'), env: pythonEnv },
        node: { argv: ['node', '-e', '0'], env: oursEnv }, // the runtime's own floor
      },
      floor: { maxFaults: 2800, maxWallRatio: 1.6 },
    },
    {
      id: 'version',
      group: 'startup',
      title: 'glance --version',
      unit: 'ms',
      variants: {
        ours: { argv: ours('glance', '--version'), env: oursEnv },
        plain: { argv: oursPlain('glance', '--version'), env: oursEnv },
        python: { argv: python('--version'), env: pythonEnv },
        node: { argv: ['node', '-e', '0'], env: oursEnv },
      },
      floor: {},
    },
    {
      id: 'image-list',
      group: 'startup',
      title: 'glance image-list (cached token)',
      unit: 'ms',
      target: { vs: 'python', op: '<=', ratio: 0.1 },
      variants: {
        ours: { argv: ours('glance', 'image-list'), env: oursEnv },
        plain: { argv: oursPlain('glance', 'image-list'), env: oursEnv },
        python: { argv: python('image-list'), env: pythonEnv },
        curl: { argv: curlGet(`${cloud.glance_url}/v2/images`), env: oursEnv },
        node: { argv: ['node', '-e', '0'], env: oursEnv },
      },
      floor: { maxFaults: 3000, maxWallRatio: 2.0 },
    },
    {
      id: 'image-list-no-cache',
      group: 'startup',
      title: 'glance --no-cache image-list',
      unit: 'ms',
      target: { vs: 'python', op: '<=', ratio: 0.35 },
      variants: {
        ours: { argv: ours('glance', '--no-cache', 'image-list'), env: oursEnv },
        python: { argv: python('image-list'), env: pythonEnv },
      },
    },
    {
      id: 'tenant-list',
      group: 'startup',
      title: 'keystone tenant-list (cached) vs openstack project list',
      unit: 'ms',
      variants: {
        ours: { argv: ours('keystone', 'tenant-list'), env: oursEnv },
        plain: { argv: oursPlain('keystone', 'tenant-list'), env: oursEnv },
        python: { argv: ['/usr/bin/openstack', 'project', 'list'], env: pythonEnv },
        curl: { argv: curlGet(`${cloud.keystone_url}/projects`), env: oursEnv },
        node: { argv: ['node', '-e', '0'], env: oursEnv },
      },
      floor: {},
    },
    {
      id: 'tenant-list-no-cache',
      group: 'startup',
      title: 'keystone --no-cache tenant-list vs openstack project list',
      unit: 'ms',
      variants: {
        ours: { argv: ours('keystone', '--no-cache', 'tenant-list'), env: oursEnv },
        python: { argv: ['/usr/bin/openstack', 'project', 'list'], env: pythonEnv },
      },
    },
  ];
}

// Ours traces each request as `REQ: curl …`; the Python clients' urllib3 logs each one sent as
// `"METHOD /path HTTP/1.1" status` (keystoneauth does not trace its token POST as REQ).
const countOurs = (stderr) => (stderr.match(/^REQ: /gm) ?? []).length;
const countPython = (stderr) => (stderr.match(/"(GET|POST|PUT|PATCH|DELETE|HEAD) \S+ HTTP\/1\.[01]" \d{3}/gm) ?? []).length;

export async function requestCounts(env) {
  const { ours, python, oursEnv, pythonEnv, glance, work, log, has, track } = env;
  const small = join(work, 'small-1MiB');
  writeFileSync(small, Buffer.alloc(1024 * 1024, 7));
  const name = `bench-${process.pid}-requests`;
  track(name);
  const source = await glance.create(name);
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
      `@${env.tokenHeader}`,
      '-T',
      small,
      `${env.cloud.glance_url}/v2/images/${source.id}/file`,
    ],
    { env: oursEnv },
  );
  const out = join(work, 'small-download');
  const rows = [
    ['glance --help', ours('glance', '--help'), python('--help')],
    ['glance image-list (cached token)', ours('glance', 'image-list'), python('image-list')],
    ['glance --no-cache image-list', ours('glance', '--no-cache', 'image-list'), python('image-list')],
    ['keystone tenant-list / openstack project list', ours('keystone', 'tenant-list'), ['/usr/bin/openstack', 'project', 'list']],
    [
      'image-create 1 MiB --file',
      has('image-create') ? ours('glance', 'image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare', '--file', small) : undefined,
      python('image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare', '--file', small),
    ],
    [
      'image-download 1 MiB --file',
      has('image-download') ? ours('glance', 'image-download', '--file', out, source.id) : undefined,
      python('image-download', '--file', out, source.id),
    ],
  ];
  const counts = [];
  for (const [title, oursArgv, pythonArgv] of rows) {
    const withDebug = (argv) => [argv[0], '--debug', ...argv.slice(1)];
    const o = oursArgv ? await run(withDebug(oursArgv), { env: oursEnv }) : undefined;
    const p = await run(withDebug(pythonArgv), { env: pythonEnv });
    counts.push({
      command: title,
      ours: o ? (o.code === 0 ? countOurs(o.stderr) : `exit ${o.code}`) : 'n/a',
      python: p.code === 0 ? countPython(p.stderr) : `exit ${p.code}`,
    });
  }
  log('requests: counted');
  return { id: 'requests', group: 'requests', title: 'HTTP requests per command (--debug traces)', counts };
}

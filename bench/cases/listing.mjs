// image-list at scale, on a bench cloud of its own (scripts/local-cloud.sh with another state dir
// and ports, as scripts/demo.sh does), so the image counts are exact: no images, then 1,000, then
// 10,000, in one run. At each size: ours (`glance --os-image-api-version 2 image-list`), python-
// glanceclient 4.1.0 (the same command) and the floor: curl fetching the same pages at the same
// page size (one curl, one connection) plus ours on the cloud with no images (start-up, token,
// one request). Wall (median of alternating rounds, no warm-up), peak RSS, requests (REQ lines of --debug).
//
// Images are copies of one that Glance made (POST /v2/images), written into its SQLite database:
// 10,000 API calls take this machine a quarter of an hour. Only id and name differ; the names
// sort in creation order (image-list sorts by name). The template row stays, marked deleted.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ownCloud } from '../lib/cloud.mjs';
import { measure } from '../lib/measure.mjs';
import { run, runOk } from '../lib/proc.mjs';

const CLOUD = {
  LOCAL_CLOUD_DIR: process.env.BENCH_LIST_CLOUD_DIR || '/var/tmp/osc-bench-list-cloud',
  KEYSTONE_PORT: process.env.BENCH_LIST_KEYSTONE_PORT || '5210',
  GLANCE_PORT: process.env.BENCH_LIST_GLANCE_PORT || '9410',
};
const PAGE = 1000;
const SIZES = [1_000, 10_000];
const COPIED =
  'size, status, created_at, updated_at, disk_format, container_format, checksum, owner, min_disk, min_ram, protected, virtual_size, visibility, os_hidden, os_hash_algo, os_hash_value';
const UUID_SQL =
  "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-a' || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))";

const sql = (db, statement) => execFileSync('sqlite3', ['-cmd', '.timeout 60000', db, statement]).toString();

/** The bench cloud, emptied, with a template image and a way to grow to an exact count. */
async function benchCloud(env) {
  const { state, info, oursEnv, pythonEnv, token, glance } = await ownCloud(env.root, env.work, CLOUD, 'listing');
  const db = join(state, 'glance', 'glance.db');
  const tokenHeader = join(env.work, 'listing-token-header');
  writeFileSync(tokenHeader, `X-Auth-Token: ${token}\n`, { mode: 0o600 });

  sql(db, 'DELETE FROM image_properties; DELETE FROM image_tags; DELETE FROM image_locations; DELETE FROM image_members; DELETE FROM images;');
  const template = await glance.call('POST', '/v2/images', { name: 'bench-template', disk_format: 'qcow2', container_format: 'bare' });
  sql(db, `UPDATE images SET deleted = 1 WHERE id = '${template.id}'`);
  let count = 0;
  return {
    info,
    oursEnv,
    pythonEnv,
    tokenHeader,
    async growTo(total) {
      sql(
        db,
        `WITH RECURSIVE n(i) AS (SELECT ${count + 1} UNION ALL SELECT i + 1 FROM n WHERE i < ${total})
         INSERT INTO images (id, name, deleted, ${COPIED})
         SELECT ${UUID_SQL}, printf('bench-image-%05d', i), 0, ${COPIED} FROM n, (SELECT ${COPIED} FROM images WHERE id = '${template.id}');`,
      );
      count = total;
      const listed = sql(db, 'SELECT count(*) FROM images WHERE deleted = 0').trim();
      if (Number(listed) !== total) throw new Error(`bench cloud holds ${listed} images, expected ${total}`);
    },
    /** The page URLs ours asks for (from its --debug trace), for curl to fetch the same. */
    async pageUrls(argv) {
      const traced = await runOk([argv[0], '--debug', ...argv.slice(1)], { env: oursEnv, keepOutput: true });
      return [...traced.stderr.matchAll(/^REQ: curl .* -X GET (\S+\/v2\/images\?\S+)/gm)].map((m) => m[1]);
    },
  };
}

const countRequests = (stderr) => (stderr.match(/^REQ: curl .* -X GET \S+\/v2\/images\?/gm) ?? []).length;
const countPython = (stderr) => (stderr.match(/"GET \/v2\/images\?\S* HTTP\/1\.[01]" \d{3}/gm) ?? []).length;

export async function listingCases(env, config) {
  const cloud = await benchCloud(env);
  const rounds = config.listingRounds;
  const oursArgv = env.ours('glance', '--os-image-api-version', '2', 'image-list');
  const pythonArgv = env.python('--os-image-api-version', '2', 'image-list');
  await runOk(oursArgv, { env: cloud.oursEnv }); // fills our token cache for this cloud
  const empty = await measure(
    {
      id: 'listing-0',
      group: 'listing',
      title: 'glance image-list, 0 images',
      unit: 'ms',
      warmup: false,
      variants: { ours: { argv: oursArgv, env: cloud.oursEnv } },
    },
    rounds,
    env.log,
  );
  const results = [empty];
  for (const size of SIZES) {
    await cloud.growTo(size);
    const urls = await cloud.pageUrls(oursArgv);
    const curl = ['curl', '-sSf', '-H', `@${cloud.tokenHeader}`, ...urls.flatMap((url) => ['-o', '/dev/null', url])];
    const item = await measure(
      {
        id: `listing-${size}`,
        group: 'listing',
        title: `glance image-list, ${size.toLocaleString('en')} images`,
        unit: 'ms',
        // Glance's time dominates and a warm start changes little: no warm-up round (python takes minutes at 10,000).
        warmup: false,
        variants: {
          ours: { argv: oursArgv, env: cloud.oursEnv },
          python: { argv: pythonArgv, env: cloud.pythonEnv },
          curl: { argv: curl, env: cloud.oursEnv },
        },
      },
      rounds,
      env.log,
    );
    const oursTrace = await run([oursArgv[0], '--debug', ...oursArgv.slice(1)], { env: cloud.oursEnv });
    const pythonTrace = await run([pythonArgv[0], '--debug', ...pythonArgv.slice(1)], { env: cloud.pythonEnv });
    const floorMs = item.variants.curl.medianMs + empty.variants.ours.medianMs;
    item.requests = { ours: countRequests(oursTrace.stderr), python: countPython(pythonTrace.stderr), curl: urls.length, pageSize: PAGE };
    item.floor = { ms: Math.round(floorMs * 10) / 10, rule: 'curl of the same pages + ours with no images' };
    item.ratios['ours/floor'] = Math.round((item.variants.ours.medianMs / floorMs) * 1000) / 1000;
    item.target = {
      rule: 'ours <= 0.35x python, <= 1.3x floor; peak RSS at 10,000 <= 150 MB',
      met: item.ratios['ours/python'] <= 0.35 && item.ratios['ours/floor'] <= 1.3 && (size < 10_000 || item.variants.ours.peakRssMB <= 150),
    };
    env.log(`listing ${size}: ours ${item.variants.ours.medianMs} ms, python ${item.variants.python.medianMs} ms, floor ${floorMs} ms`);
    results.push(item);
  }
  return results;
}

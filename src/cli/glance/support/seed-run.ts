// `glance image-seed MANIFEST`: the manifest is read and every entry checked against the cloud
// (its image schema, stores, import methods) before anything is sent, all problems at once as
// MANIFEST:LINE lines; then the entries are seeded `--parallel` at a time, each with a status line
// on a terminal, and the summary grid (or -f json) is the only output on stdout. Exit 1 when any
// image failed (or its rotation did); every failure is one line on stderr.
import { ConnectionLane } from '../../../api/image/data.js';
import type { ImageApi } from '../../../api/image/index.js';
import type { ImageSchema } from '../../../api/image/schemas.js';
import { CliError, messageOf } from '../../../errors.js';
import { EXIT } from '../../../exit-codes.js';
import { terminalText } from '../../../output/terminal-text.js';
import { defaultHashCacheDir } from '../../../hashes/file-hashes.js';
import type { Deps } from '../../deps.js';
import type { Options } from '../commands/image-seed.js';
import { fieldsBeforeInspection } from './content-check.js';
import { checkStores, importMethods } from './import-checks.js';
import { checkSchemaFields } from './schema-check.js';
import { oneAtATime, type SeedContext } from './seed-common.js';
import { imageFields, type SeedResult, seedImage } from './seed-image.js';
import { readManifest, type SeedEntry, type SeedManifest } from './seed-manifest.js';

export const SUMMARY_COLUMNS = ['Name', 'ID', 'Action', 'Size', 'Seconds'] as const;

export async function seedManifest(options: Options, deps: Deps): Promise<number> {
  const manifest = readManifest(options.manifest);
  const api = await deps.image();
  const schema = await api.schemas.imageSchema();
  await checkAgainstCloud(api, schema, manifest);

  let stopping = false;
  const lines = deps.statusLines(manifest.entries.length);
  // First registered, so first run on a signal: no worker creates an image after it.
  const forget = deps.onInterrupt(() => {
    stopping = true;
    lines.done();
  });
  const ctx: SeedContext = {
    deps,
    api,
    schema,
    cacheDir: defaultHashCacheDir(deps.env),
    rotate: options.rotate,
    hashInTurn: oneAtATime(),
    stopping: () => stopping,
    now: Date.now,
  };
  const results: SeedResult[] = [];
  try {
    // Each parallel worker sends its images' data on a connection of its own (see ConnectionLane).
    const lanes = Array.from({ length: Math.min(options.parallel, manifest.entries.length) }, () => new ConnectionLane());
    await inParallel(manifest.entries, options.parallel, async (entry, index, worker) => {
      const show = (text: string): void => lines.set(index, `${entry.name}: ${text}`);
      const result = await seedImage({ ...ctx, lane: lanes[worker] }, entry, show);
      show(result.action === 'failed' ? 'failed' : `${result.action} ${result.id}`);
      results[index] = result;
    });
  } finally {
    lines.done();
    forget();
  }
  // One line each, whatever the name holds: a line break in it must not make a line of its own.
  for (const result of results) {
    for (const line of result.rotated) deps.notice(terminalText(`${result.name}: ${line}`));
    if (result.problem !== undefined) deps.notice(terminalText(`${result.name}: ${result.problem}`));
  }
  deps.print.list({
    columns: SUMMARY_COLUMNS,
    rows: results.map((r) => [r.name, r.id ?? null, r.action, r.size ?? null, r.seconds]),
  });
  return results.some((r) => r.problem !== undefined) ? EXIT.failure : EXIT.ok;
}

/** What only the cloud can tell about the manifest, checked for every entry before any is seeded. */
async function checkAgainstCloud(api: ImageApi, schema: ImageSchema, manifest: SeedManifest): Promise<void> {
  const problems: string[] = [];
  const at = (entry: SeedEntry, text: string): void => void problems.push(`${manifest.path}:${entry.line}: ${text}`);
  for (const entry of manifest.entries) {
    try {
      checkSchemaFields(schema, fieldsBeforeInspection(imageFields(entry, entry.diskFormat)));
    } catch (err) {
      at(entry, messageOf(err).split('\n')[0]!);
    }
  }
  for (const store of new Set(manifest.entries.flatMap((e) => e.stores))) {
    try {
      await checkStores(api, [store]);
    } catch (err) {
      for (const entry of manifest.entries.filter((e) => e.stores.includes(store))) at(entry, messageOf(err));
    }
  }
  const staged = manifest.entries.filter((e) => e.source.kind === 'url' || e.stores.length > 1);
  if (staged.length > 0 && !(await importMethods(api)).includes('glance-direct')) {
    for (const entry of staged)
      at(
        entry,
        `${entry.source.kind === 'url' ? 'a url' : 'several stores'} needs Glance's glance-direct import, which this cloud does not offer: use a file and one store`,
      );
  }
  if (problems.length > 0) throw new CliError(problems.sort(byLine).join('\n'));
}

const lineOf = (problem: string): number => Number(/:(\d+): /.exec(problem)?.[1] ?? 0);
const byLine = (a: string, b: string): number => lineOf(a) - lineOf(b);

/** Runs `work` over the items, at most `limit` at a time, in order of the items; `worker` numbers the loop (0 to limit - 1) that runs the item. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T, index: number, worker: number) => Promise<void>): Promise<void> {
  let next = 0;
  const loop = async (worker: number): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index, worker);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, (_, worker) => loop(worker)));
}

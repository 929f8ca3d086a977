// A cached command's first request sent as the process starts (src/session/early-request.ts), on
// the real cloud: the second run of a command asks Glance once, as the first did, and prints the
// same; what is remembered holds no secret; a cached image-list whose answer was all its output is
// printed from that answer without loading the program. Glance's own request log counts the requests.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { adminEnv, cloud, STATE_DIR } from '../helpers/cloud.js';

const GLANCE_LOG = join(STATE_DIR, 'logs', 'glance-api.log');

/** Requests Glance has logged for an image-list --name NAME. */
const listsOf = (name: string): number => readFileSync(GLANCE_LOG, 'utf8').split(`"GET /v2/images?name=${name}&`).length - 1;

function privateCache(): { env: Record<string, string>; tokens: string } {
  const home = mkdtempSync(join(tmpdir(), 'osc-early-'));
  return { env: adminEnv({ XDG_CACHE_HOME: home }), tokens: join(home, 'openstack-classic-cli', 'tokens') };
}

describe('a cached command sends its first request as it starts', () => {
  it('glance image-list: the second run asks Glance once and prints what the first printed', async () => {
    const { env, tokens } = privateCache();
    const name = `early-${process.pid}-${Date.now()}`;
    const first = await runCli('glance', ['image-list', '--name', name], { env });
    expect(first.code).toBe(0);
    expect(listsOf(name)).toBe(1);
    const records = readdirSync(tokens).filter((file) => /^early-[0-9a-f]{16}\.json$/.test(file));
    expect(records).toHaveLength(1);
    const record = join(tokens, records[0]!);
    expect(statSync(record).mode & 0o777).toBe(0o600);
    const text = readFileSync(record, 'utf8');
    expect(text).not.toContain(cloud().admin_password);
    const token = JSON.parse(readFileSync(join(tokens, readdirSync(tokens).find((file) => !file.startsWith('early-'))!), 'utf8')).token;
    expect(text).not.toContain(token);
    for (const run of [2, 3]) {
      const again = await runCli('glance', ['image-list', '--name', name], { env });
      expect([again.code, again.stdout, again.stderr]).toEqual([0, first.stdout, first.stderr]);
      expect(listsOf(name)).toBe(run);
    }
  });

  it('is written ahead of everything (src/session/send-ahead.ts) only for the same inputs: another or an empty password sends nothing before it is checked', async () => {
    const { env } = privateCache();
    const name = `ahead-${process.pid}-${Date.now()}`;
    const list = ['image-list', '--name', name];
    const first = await runCli('glance', list, { env });
    expect(first.code).toBe(0);
    for (const run of [2, 3]) {
      const again = await runCli('glance', list, { env });
      expect([again.code, again.stdout, again.stderr]).toEqual([0, first.stdout, first.stderr]);
      expect(listsOf(name)).toBe(run); // written ahead and taken by the early request: once
    }
    const wrong = await runCli('glance', list, { env: { ...env, OS_PASSWORD: 'not-the-password' } });
    expect([wrong.code, wrong.stderr]).toEqual([1, 'Invalid OpenStack Identity credentials.\n']);
    const empty = await runCli('glance', list, { env: { ...env, OS_PASSWORD: '' } });
    expect(empty.code).toBe(1);
    expect(listsOf(name)).toBe(3); // the cached token went nowhere
  });

  it('keystone tenant-list and the v2 dialect too, each remembered under its own command line', async () => {
    const { env, tokens } = privateCache();
    const runs = [
      ['keystone', ['tenant-list']],
      ['glance', ['--os-image-api-version', '2', 'image-list', '--property-filter', `name=early-none-${process.pid}`]],
    ] as const;
    for (const [command, args] of runs) {
      const first = await runCli(command, args, { env });
      const second = await runCli(command, args, { env });
      expect(first.code).toBe(0);
      expect([second.code, second.stdout, second.stderr]).toEqual([0, first.stdout, first.stderr]);
    }
    // Each its record; the v2 image-list, replayed the second time, also its output (src/cli/replayed-output.ts).
    expect(readdirSync(tokens).filter((file) => /^early-[0-9a-f]{16}\.json$/.test(file))).toHaveLength(2);
  });
});

/** Creates an image (no data) named `name`; its ID. */
async function createImage(name: string, env: Record<string, string>): Promise<string> {
  const made = await runCli('glance', ['image-create', '--name', name, '--disk-format', 'raw', '--container-format', 'bare'], { env });
  expect(made.code).toBe(0);
  return /\| id\s+\| ([0-9a-f-]+)/.exec(made.stdout)![1]!;
}

/** A hook for NODE_OPTIONS (not an input of a record): at exit, the dist files the run loaded, and Node's public modules (`node:http`). */
function loadedFiles(): { env: Record<string, string>; read(): string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'osc-loaded-'));
  const hook = join(dir, 'hook.cjs');
  const out = join(dir, 'loaded.txt');
  const builtins = "process.moduleLoadList.filter((m) => /^NativeModule [a-z_]+$/.test(m)).map((m) => 'node:' + m.slice(13))";
  writeFileSync(
    hook,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, Object.keys(require.cache).concat(${builtins}).join('\\n')));\n`,
  );
  return {
    env: { NODE_OPTIONS: `--require ${hook}` },
    read: () =>
      readFileSync(out, 'utf8')
        .split('\n')
        .map((file) => file.replace(/.*\//, '')),
  };
}

describe('a cached image-list printed from its early answer (src/cli/replay.ts)', () => {
  it('prints what the program printed without loading it, and leaves it to the program once the answer is no longer all of it', async () => {
    const { env } = privateCache();
    const loaded = loadedFiles();
    const name = `replay-${process.pid}-${Date.now()}`;
    const create = () => createImage(name, env);
    const ids = [await create()];
    try {
      const list = ['image-list', '--name', name, '--page-size', '2'];
      const first = await runCli('glance', list, { env: { ...env, ...loaded.env } });
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(ids[0]);
      expect(loaded.read()).toContain('path-core.cjs');
      const before = listsOf(name);
      const second = await runCli('glance', list, { env: { ...env, ...loaded.env } });
      expect([second.code, second.stdout, second.stderr]).toEqual([0, first.stdout, first.stderr]);
      expect(loaded.read()).not.toContain('path-core.cjs');
      expect(loaded.read()).toContain('path-replay.cjs');
      expect(listsOf(name)).toBe(before + 1);
      // Two more: the first page of 2 now has a next one.
      ids.push(await create(), await create());
      const third = await runCli('glance', list, { env: { ...env, ...loaded.env } });
      expect(third.code).toBe(0);
      expect(loaded.read()).toContain('path-core.cjs');
      for (const id of ids) expect(third.stdout).toContain(id);
      const uncached = await runCli('glance', ['--no-cache', ...list], { env });
      expect(third.stdout).toBe(uncached.stdout);
      // That run asked more than one page: nothing is left to replay.
      const fourth = await runCli('glance', list, { env: { ...env, ...loaded.env } });
      expect(fourth.stdout).toBe(third.stdout);
      expect(loaded.read()).toContain('path-core.cjs');
    } finally {
      await runCli('glance', ['image-delete', ...ids], { env });
    }
  });

  it('the output a replay printed is printed again while the answer is the same, byte for byte, without the command or the printer (src/cli/replayed-output.ts)', async () => {
    const { env, tokens } = privateCache();
    const loaded = loadedFiles();
    const name = `kept-${process.pid}-${Date.now()}`;
    const create = () => createImage(name, env);
    const ids = [await create()];
    const list = ['image-list', '--name', name];
    const run = async (): Promise<{ stdout: string; files: string[] }> => {
      const result = await runCli('glance', list, { env: { ...env, ...loaded.env } });
      expect([result.code, result.stderr]).toEqual([0, '']);
      return { stdout: result.stdout, files: loaded.read() };
    };
    try {
      const first = await run(); // the program
      const second = await run(); // the replay, which keeps its output
      expect(second.stdout).toBe(first.stdout);
      expect(second.files).toContain('path-replay.cjs');
      const kept = readdirSync(tokens).filter((file) => file.endsWith('-output.json'));
      expect(kept).toHaveLength(1);
      const keptText = readFileSync(join(tokens, kept[0]!), 'utf8');
      expect(statSync(join(tokens, kept[0]!)).mode & 0o777).toBe(0o600);
      expect(keptText).not.toContain(cloud().admin_password);
      const before = listsOf(name);
      const third = await run(); // the kept output
      expect(third.stdout).toBe(first.stdout);
      expect(third.files.filter((file) => /^path-/.test(file))).toEqual(['path-ahead.cjs', 'path-early.cjs', 'path-answer.cjs']);
      // Its answer read by hand (src/http/plain-answer.ts): Node's http client is not loaded; the replay's run loads it.
      expect([second.files.includes('node:http'), third.files.includes('node:http')]).toEqual([true, false]);
      expect(listsOf(name)).toBe(before + 1); // Glance was asked all the same
      // Another image: another answer, printed by the replay, whose output is kept in turn.
      ids.push(await create());
      const fourth = await run();
      for (const id of ids) expect(fourth.stdout).toContain(id);
      expect(fourth.files).toContain('path-replay.cjs');
      expect(fourth.stdout).toBe((await runCli('glance', ['--no-cache', ...list], { env })).stdout);
      const fifth = await run();
      expect(fifth.stdout).toBe(fourth.stdout);
      expect(fifth.files).not.toContain('path-replay.cjs');
      // Printed by another Node (a grid's widths come from its Unicode tables), or larger than keepOutput writes: not used.
      const keptFile = join(tokens, kept[0]!);
      writeFileSync(keptFile, readFileSync(keptFile, 'utf8').replace(/"node":"v[\d.]+"/, '"node":"v0.0.1"'));
      const otherNode = await run();
      expect([otherNode.stdout, otherNode.files.includes('path-replay.cjs')]).toEqual([fourth.stdout, true]);
      expect(readFileSync(keptFile, 'utf8')).toContain(`"node":"${process.version}"`);
      const huge = JSON.parse(readFileSync(keptFile, 'utf8'));
      writeFileSync(keptFile, JSON.stringify({ ...huge, output: 'x'.repeat(3 * 1024 * 1024) }));
      const tooLarge = await run();
      expect([tooLarge.stdout, tooLarge.files.includes('path-replay.cjs')]).toEqual([fourth.stdout, true]);
    } finally {
      await runCli('glance', ['image-delete', ...ids], { env });
    }
  });

  it('a record made by another build is not replayed: that build may have parsed the command line into other options', async () => {
    const { env } = privateCache();
    const loaded = loadedFiles();
    // Another build: a copy whose build id (a hash of the sources, scripts/build.mjs) differs.
    const other = mkdtempSync(join(tmpdir(), 'osc-other-build-'));
    for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(other, part), { recursive: true });
    const early = join(other, 'dist', 'path-ahead.cjs'); // the inputs' hash is the entry's (src/session/send-ahead.ts)
    const text = readFileSync(early, 'utf8');
    expect(text).toMatch(/BUILD="[0-9a-f]{16}"/);
    writeFileSync(early, text.replace(/BUILD="[0-9a-f]{16}"/, 'BUILD="0123456789abcdef"'));
    const list = ['image-list', '--name', `build-${process.pid}`];
    const runOther = () =>
      spawnSync(join(other, 'bin', 'glance'), list, { encoding: 'utf8', env: { PATH: process.env.PATH!, HOME: process.env.HOME!, ...env, ...loaded.env } });
    const first = await runCli('glance', list, { env: { ...env, ...loaded.env } });
    expect((await runCli('glance', list, { env: { ...env, ...loaded.env } })).stdout).toBe(first.stdout);
    expect(loaded.read()).not.toContain('path-core.cjs');
    const upgraded = runOther();
    expect([upgraded.status, upgraded.stdout]).toEqual([0, first.stdout]);
    expect(loaded.read()).toContain('path-core.cjs');
    // That build's own record, from then on.
    runOther();
    expect(loaded.read()).not.toContain('path-core.cjs');
  });
});

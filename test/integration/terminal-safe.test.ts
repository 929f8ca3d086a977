// Hostile names, property keys and values, and server messages, through a real pseudo-terminal:
// images and a project made on the real local cloud with ESC[2J, OSC 52, OSC 8, CR, BS, NUL and
// U+202E; no control byte but the terminal's own line endings reaches the screen, every grid line is
// as wide as the grid, and what was hidden is shown escaped.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/output/width.js';
import { glanceApi } from '../helpers/cloud-api.js';
import { adminEnv } from '../helpers/cloud.js';
import { FaultProxy } from '../helpers/fault-proxy.js';
import { runInPty } from '../helpers/pty.js';
import { env, glance, unique } from './glance-helpers.js';
import { keystone } from './keystone-support.js';

const SEQUENCES: Record<string, string> = {
  'ESC[2J': '\x1b[2J',
  'OSC 52': '\x1b]52;c;SGVsbG8=\x07',
  'OSC 8': '\x1b]8;;http://evil\x1b\\text\x1b]8;;\x1b\\',
  CR: '\rFORGED',
  BS: 'ab\x08\x08',
  'U+202E': '\u202eevil',
};
/** NUL cannot travel in argv: it is only in what the cloud stores and sends back. */
const WITH_NUL = { ...SEQUENCES, NUL: 'n\x00ul' };
const HOSTILE = Object.values(SEQUENCES).join(' ');
/** Keystone names hold at most 64 characters: the project's name has the short sequences, its description all. */
const SHORT_HOSTILE = `\x1b[2J${SEQUENCES['OSC 52']}\r\x08\u202e`;

/** Anything but text and the pty's line feeds: controls, DEL, C1, bidi controls, stray CRs. */
const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const tag = unique('termsafe');
const name = `${tag} ${HOSTILE}`;
const properties = Object.fromEntries(Object.entries(WITH_NUL).map(([label, seq], i) => [`key${i}${seq}`, `${label} ${seq}`]));
let imageId: string;
let projectId: string;
let proxy: FaultProxy;

beforeAll(async () => {
  const created = await glanceApi('POST', '/v2/images', { name, disk_format: 'raw', container_format: 'bare', tags: [tag], path: '/evil/bin', ...properties });
  expect(created.status).toBe(201);
  imageId = created.json.id;
  const project = await keystone(['tenant-create', '--name', `${tag}${SHORT_HOSTILE}`, '--description', `desc ${HOSTILE}`, '-f', 'value', '-c', 'id']);
  expect(project.stderr).toBe('');
  projectId = project.stdout.trim();
  proxy = await FaultProxy.start('http://127.0.0.1:9292');
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  if (imageId) await glanceApi('DELETE', `/v2/images/${imageId}`);
  if (projectId) await keystone(['tenant-delete', projectId]);
});

/** What a person at a terminal saw: no raw control character, and every grid rectangular. */
function expectSafeScreen(screen: string): void {
  const raw = [...new Set(screen.match(RAW_CONTROL) ?? [])].map((ch) => `U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  expect(raw, 'raw control characters on the terminal').toEqual([]);
  const grids: string[][] = [[]];
  for (const line of screen.split('\n')) {
    if (/^[+|]/.test(line)) grids.at(-1)!.push(line);
    else if (grids.at(-1)!.length > 0) grids.push([]);
  }
  for (const grid of grids.filter((lines) => lines.length > 0)) {
    expect(grid.map(displayWidth), grid.join('\n')).toEqual(grid.map(() => displayWidth(grid[0]!)));
  }
}

const glanceInPty = (args: readonly string[]) => runInPty('glance', args, { env: env() });

describe('hostile text reaches the terminal escaped', () => {
  it.each([[[]], [['--os-image-api-version', '2']]])('glance %j image-list', async (dialect) => {
    const res = await glanceInPty([...dialect, 'image-list', '--tag', tag]);
    expect(res.code, res.stdout).toBe(0);
    expectSafeScreen(res.stdout);
    expect(res.stdout).toContain(`${tag} \\x1b[2J \\x1b]52;c;SGVsbG8=\\x07 \\x1b]8;;http://evil\\x1b\\text\\x1b]8;;\\x1b\\ \\rFORGED ab\\x08\\x08 \\u202eevil`);
  });

  it.each([[[]], [['--os-image-api-version', '2']]])('glance %j image-show: name, keys and values (NUL too)', async (dialect) => {
    const res = await glanceInPty([...dialect, 'image-show', imageId]);
    expect(res.code, res.stdout).toBe(0);
    expectSafeScreen(res.stdout);
    expect(res.stdout).toContain('key6n\\x00ul');
    expect(res.stdout).toContain('NUL n\\x00ul');
    expect(res.stdout).toContain('key0\\x1b[2J');
  });

  it('keystone tenant-list and tenant-get (centred grids)', async () => {
    const list = await runInPty('keystone', ['tenant-list'], { env: adminEnv() });
    expect(list.code, list.stdout).toBe(0);
    expectSafeScreen(list.stdout);
    expect(list.stdout).toContain(`${tag}\\x1b[2J\\x1b]52;c;SGVsbG8=\\x07\\r\\x08\\u202e`);
    const get = await runInPty('keystone', ['tenant-get', projectId], { env: adminEnv() });
    expect(get.code, get.stdout).toBe(0);
    expectSafeScreen(get.stdout);
    expect(get.stdout).toContain('desc \\x1b[2J');
  });

  it.each([
    ['glance', ['image-show', `\x1b[2Jnope${tag}`]],
    ['glance', ['--os-image-api-version', '2', 'image-show', `\x1b[2Jnope${tag}`]],
    ['keystone', ['tenant-get', `\x1b[2Jnope${tag}`]],
    // image-delete reports each failure on its own line and carries on (deps.notice).
    ['glance', ['--os-image-api-version', '2', 'image-delete', `\x1b[2Jnope${tag}`]],
  ] as const)('error path: %s %j', async (command, args) => {
    const res = await runInPty(command, args, { env: command === 'glance' ? env() : adminEnv() });
    expect(res.code).toBe(1);
    expectSafeScreen(res.stdout);
    expect(res.stdout).toContain(`\\x1b[2Jnope${tag}`);
  });

  it('error path: a server message and --debug trace lines from a hostile server', async () => {
    proxy.reset().add({
      method: 'GET',
      path: `/v2/images/${imageId}`,
      action: { kind: 'html', status: 500, message: `boom \x1b]52;c;SGVsbG8=\x07\x1b[2J\x9b2J\r\u202e` },
    });
    proxy.add({ method: 'GET', path: '/v2/images', action: { kind: 'status', status: 500, body: '{}', headers: { 'x-evil': 'a\x9b2Jb' } } });
    for (const debug of [[], ['--debug']]) {
      const res = await glanceInPty([...debug, '--os-image-url', proxy.url, 'image-show', imageId]);
      expect(res.code).toBe(1);
      expectSafeScreen(res.stdout);
      expect(res.stdout).toContain('boom \\x1b]52;c;SGVsbG8=\\x07\\x1b[2J\\x9b2J\\r\\u202e');
    }
    const traced = await glanceInPty(['--debug', '--os-image-url', proxy.url, 'image-list']);
    expectSafeScreen(traced.stdout);
    expect(traced.stdout).toContain('x-evil: a\\x9b2Jb');
  });
});

describe('-f shell with a property named path', () => {
  it.each(['bash', 'zsh'])('eval in %s leaves PATH alone and keeps the hostile values exact', async (shell) => {
    const res = await glance(['--os-image-api-version', '2', 'image-show', '-f', 'shell', imageId]);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^# skipped path: path would change a variable the shell uses$/m);
    const script = `eval "$1"; printf '%s\\0' "$PATH" "$name" "$key0__2j"`;
    const out = execFileSync(shell, shell === 'zsh' ? ['-f', '-c', script, 'zsh', res.stdout] : ['--norc', '-c', script, 'bash', res.stdout], {
      env: { PATH: '/usr/bin:/bin' },
    });
    expect(out.toString().split('\0').slice(0, 3)).toEqual(['/usr/bin:/bin', name, properties['key0\x1b[2J']]);
  });
});

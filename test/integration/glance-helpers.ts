// Shared by the glance image-core tests: the reference client, unique names, small images.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from '../helpers/cli.js';
import { adminEnv } from '../helpers/cloud.js';
import { runGlanceclient } from '../helpers/python-glance.js';

/** The admin environment both clients get (keystoneauth wants the v3 domains spelled out). */
export function env(extra: Record<string, string> = {}): Record<string, string> {
  const base = adminEnv();
  return { ...base, OS_PROJECT_NAME: base.OS_TENANT_NAME!, OS_USER_DOMAIN_NAME: 'Default', OS_PROJECT_DOMAIN_NAME: 'Default', ...extra };
}

export const unique = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;

export const WORK = mkdtempSync(join(tmpdir(), 'glance-core-'));

/** A small real qcow2, as `qemu-img create -f qcow2` makes it. */
export function qcow2(name = unique('disk')): string {
  const path = join(WORK, `${name}.qcow2`);
  execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', path, '1M']);
  return path;
}

/** Random bytes in a file last modified a minute ago: the hash cache does not record a file written in the last 2 s. */
export function randomFile(bytes: number, name = unique('raw')): string {
  const path = join(WORK, `${name}.raw`);
  writeFileSync(path, randomBytes(bytes));
  settle(path);
  return path;
}

/** Dates a file a minute back, as a downloaded image usually is: the hash cache records files last modified over 2 s before they are read. */
export function settle(path: string): void {
  const minuteAgo = new Date(Date.now() - 60_000);
  utimesSync(path, minuteAgo, minuteAgo);
}

/** python-glanceclient 4.1.0 with stdin closed (`<&-`), else it reads stdin as image data. */
export function pythonGlance(args: readonly string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  return runGlanceclient(args, { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: WORK, ...env(extraEnv) });
}

export const glance = (args: readonly string[], extraEnv: Record<string, string> = {}, input?: string | Buffer): Promise<CliResult> =>
  runCli('glance', args, { env: env(extraEnv), input });

export const glance2 = (args: readonly string[], extraEnv: Record<string, string> = {}): Promise<CliResult> =>
  glance(['--os-image-api-version', '2', ...args], extraEnv);

/** IDs of the images with this exact name (other developers' images do not matter). */
export async function idsNamed(name: string): Promise<string[]> {
  const res = await glance(['image-list', '--name', name, '-f', 'value', '-c', 'ID']);
  if (res.code !== 0) throw new Error(`image-list failed: ${res.stderr}`);
  return res.stdout.split('\n').filter(Boolean);
}

export async function deleteNamed(...names: string[]): Promise<void> {
  for (const name of names) {
    const ids = await idsNamed(name);
    if (ids.length > 0) await glance(['image-delete', ...ids]);
  }
}

/** The value of a Property row in a record grid. */
export function field(grid: string, name: string): string | undefined {
  const line = grid.split('\n').find((l) => l.startsWith(`| ${name} `));
  return line?.split('|')[2]?.trim();
}

// The local cloud as the bench sees it: credentials for each client, a token for curl, image
// housekeeping (create, find by name, delete) and the Keystone password-hash setting.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const STATE_DIR = process.env.OSC_LOCAL_CLOUD_DIR || '/var/tmp/osc-local-cloud';

export function cloudInfo() {
  return JSON.parse(readFileSync(join(STATE_DIR, 'cloud.json'), 'utf8'));
}

/** OS_* variables a keystonerc file exports, read by a shell exactly as a user would source it. */
export function rcEnv(rcFile) {
  const dump = execFileSync('bash', ['-c', 'set -a; . "$1" >/dev/null; env -0', 'bash', rcFile], { env: { PATH: process.env.PATH, HOME: '/nonexistent' } });
  const env = {};
  for (const entry of dump.toString().split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0 && entry.startsWith('OS_')) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}

/** Keystone's [identity] password hashing, which decides what a token request costs. */
export function passwordHashSetting() {
  const conf = readFileSync(join(STATE_DIR, 'keystone', 'keystone.conf'), 'utf8');
  let section = '';
  const identity = {};
  for (const line of conf.split('\n')) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) section = header[1];
    const kv = /^\s*([a-z_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (kv && section === 'identity') identity[kv[1]] = kv[2];
  }
  return {
    algorithm: identity.password_hash_algorithm ?? 'bcrypt (default)',
    rounds: identity.password_hash_rounds ?? '(default: 12 for bcrypt)',
  };
}

/** Minimal Glance v2 client for setup and cleanup; never timed. */
export class Glance {
  constructor(url, token) {
    this.url = url.replace(/\/+$/, '');
    this.token = token;
  }

  async call(method, path, body, contentType = 'application/json') {
    const res = await fetch(this.url + path, {
      method,
      headers: { 'X-Auth-Token': this.token, ...(body ? { 'Content-Type': contentType } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status === 404) return undefined; // already gone: cleanup is idempotent
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text.slice(0, 200)}`);
    return text ? JSON.parse(text) : undefined;
  }

  create(name) {
    return this.call('POST', '/v2/images', { name, disk_format: 'raw', container_format: 'bare' });
  }

  get(id) {
    return this.call('GET', `/v2/images/${id}`);
  }

  async byName(name) {
    return (await this.call('GET', `/v2/images?name=${encodeURIComponent(name)}`)).images;
  }

  async remove(id) {
    await this.call('DELETE', `/v2/images/${id}`);
  }

  /** Deletes every image with this name (the bench's own, uniquely named). */
  async removeNamed(name) {
    for (const image of await this.byName(name)) await this.remove(image.id);
  }
}

/**
 * A bench cloud of a case's own (scripts/local-cloud.sh with another state directory, ports and
 * Glance settings), started or reused: credentials for each client, a token and a Glance for setup.
 * A state made with other settings (another machine's CPU count) is reset first.
 */
export async function ownCloud(root, work, settings, name) {
  const cloudEnv = { ...process.env, ...settings };
  const script = join(root, 'scripts/local-cloud.sh');
  const up = () => execFileSync('bash', [script, 'up'], { env: cloudEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    up();
  } catch (err) {
    if (!/was created with/.test(String(err.stderr))) throw new Error(`local-cloud.sh up (${settings.LOCAL_CLOUD_DIR}): ${String(err.stderr).trim()}`);
    execFileSync('bash', [script, 'reset'], { env: cloudEnv, stdio: ['ignore', 'ignore', 'inherit'] });
    up();
  }
  const state = settings.LOCAL_CLOUD_DIR;
  const info = JSON.parse(readFileSync(join(state, 'cloud.json'), 'utf8'));
  const common = { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C.UTF-8' };
  const oursEnv = { ...common, XDG_CACHE_HOME: join(work, `${name}-cache`), ...rcEnv(join(state, 'keystonerc_admin')) };
  const pythonEnv = { ...common, ...rcEnv(join(state, 'keystonerc_admin_v3')) };
  const token = execFileSync('/usr/bin/openstack', ['token', 'issue', '-f', 'value', '-c', 'id'], { env: pythonEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    .toString()
    .trim();
  return { state, info, oursEnv, pythonEnv, token, glance: new Glance(info.glance_url, token) };
}

/**
 * CPU ticks a process and all its descendants, living or reaped, have used: user + system, or
 * the system (kernel) part alone.
 */
function treeCpuTicks(pid, systemOnly = false) {
  let ticks = 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    ticks += Number(fields[12]) + Number(fields[14]);
    if (!systemOnly) ticks += Number(fields[11]) + Number(fields[13]);
    for (const child of readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) ticks += treeCpuTicks(child, systemOnly);
  } catch {}
  return ticks;
}

/** CPU seconds the cloud's servers (Glance and its workers, Keystone, PostgreSQL when it has one) have used so far. */
export function serverCpuSeconds(state) {
  const pids = [];
  for (const file of [join(state, 'run', 'glance.pid'), join(state, 'run', 'keystone.pid'), join(state, 'postgresql', 'data', 'postmaster.pid')]) {
    try {
      pids.push(readFileSync(file, 'utf8').split('\n')[0].trim());
    } catch {}
  }
  if (pids.length < 2) return Number.NaN;
  return pids.reduce((sum, pid) => sum + treeCpuTicks(pid), 0) / 100;
}

/** CPU seconds Glance's processes have spent in the kernel so far (its writes to the store). */
export function glanceSystemCpuSeconds(state) {
  try {
    return treeCpuTicks(readFileSync(join(state, 'run', 'glance.pid'), 'utf8').trim(), true) / 100;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds each Glance worker process has used so far (empty for a single-process Glance). */
export function glanceWorkerCpuSeconds(state) {
  try {
    const pid = readFileSync(join(state, 'run', 'glance.pid'), 'utf8').trim();
    const workers = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    return workers.map((worker) => treeCpuTicks(worker) / 100);
  } catch {
    return [];
  }
}

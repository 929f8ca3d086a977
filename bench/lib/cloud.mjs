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

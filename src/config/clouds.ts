// clouds.yaml (+ secure.yaml), found where openstacksdk looks: OS_CLIENT_CONFIG_FILE first, then
// ./, the user's config dir (~/.config/openstack) and /etc/openstack. As in openstacksdk, only
// the first clouds file found is read, and secure.yaml entries are merged over it.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { CliError } from '../errors.js';
import type { Credentials, RawSettings } from './credentials.js';
import { readConfigText } from './text-file.js';

type Tree = Record<string, unknown>;

const SUFFIXES = ['yaml', 'yml', 'json'];

/** Directories searched, in order (`./` is the working directory). */
export function configDirs(env: NodeJS.ProcessEnv, cwd: string): string[] {
  const userConfig = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return [cwd, join(userConfig, 'openstack'), '/etc/openstack'];
}

function candidates(base: 'clouds' | 'secure', override: string | undefined, dirs: readonly string[]): string[] {
  const files = dirs.flatMap((dir) => SUFFIXES.map((suffix) => join(dir, `${base}.${suffix}`)));
  return override ? [resolve(override), ...files] : files;
}

function readTree(path: string): Tree {
  const text = readConfigText(path, 'clouds file', 'check OS_CLIENT_CONFIG_FILE / OS_CLIENT_SECURE_FILE');
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new CliError(`Cannot read ${path}: ${(err as Error).message.split('\n')[0]!.replace(/:\s*$/, '')}.`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new CliError(`${path} is not a mapping: it must start with "clouds:".`);
  return doc as Tree;
}

function cloudsOf(tree: Tree, path: string): Tree {
  const clouds = tree.clouds ?? {};
  if (typeof clouds !== 'object' || clouds === null || Array.isArray(clouds)) throw new CliError(`${path}: "clouds" must be a mapping of cloud names.`);
  return clouds as Tree;
}

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepMerge(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = isTree(value) && isTree(out[key]) ? deepMerge(out[key] as Tree, value) : value;
  return out;
}

/** openstacksdk accepts `auth-url` as well as `auth_url`. */
function normaliseKeys(tree: Tree): Tree {
  return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k.replace(/-/g, '_'), isTree(v) ? normaliseKeys(v) : v]));
}

/** clouds.yaml key → Credentials field. `auth:` keys first, then the cloud's top-level keys. */
const AUTH_KEYS: Record<string, keyof Credentials> = {
  auth_url: 'authUrl',
  username: 'username',
  user_id: 'userId',
  password: 'password',
  project_name: 'projectName',
  tenant_name: 'projectName',
  project_id: 'projectId',
  tenant_id: 'projectId',
  user_domain_name: 'userDomainName',
  user_domain_id: 'userDomainId',
  project_domain_name: 'projectDomainName',
  project_domain_id: 'projectDomainId',
  default_domain: 'defaultDomain',
  token: 'token',
  endpoint: 'endpoint',
  application_credential_id: 'applicationCredentialId',
  application_credential_name: 'applicationCredentialName',
  application_credential_secret: 'applicationCredentialSecret',
};

const CLOUD_KEYS: Record<string, keyof Credentials> = {
  auth_type: 'authType',
  region_name: 'regionName',
  interface: 'interface',
  endpoint_type: 'interface',
  image_endpoint_override: 'imageUrl',
  cacert: 'cacert',
  cert: 'cert',
  key: 'key',
  insecure: 'insecure',
  api_timeout: 'timeoutSeconds',
};

/** What a key we read may hold; YAML's null (`key:` left empty) counts as unset. */
interface KeyType {
  accepts: (value: unknown) => boolean;
  expected: string;
}
const TEXT: KeyType = { accepts: (v) => typeof v === 'string' || typeof v === 'number', expected: 'a string' };
const FLAG: KeyType = { accepts: (v) => typeof v === 'boolean' || typeof v === 'string', expected: 'true or false' };
const SECONDS: KeyType = { accepts: (v) => typeof v === 'number' || typeof v === 'string', expected: 'a number of seconds' };
const VERIFY: KeyType = { accepts: (v) => typeof v === 'boolean' || typeof v === 'string', expected: 'true, false or a CA bundle path' };
const MAPPING: KeyType = { accepts: isTree, expected: 'a mapping' };
const REGIONS: KeyType = {
  accepts: (v) => Array.isArray(v) && v.every((r: unknown) => typeof r === 'string' || (isTree(r) && typeof r.name === 'string')),
  expected: 'a list of region names',
};

const AUTH_TYPES: Record<string, KeyType> = Object.fromEntries(Object.keys(AUTH_KEYS).map((key) => [key, TEXT]));
const CLOUD_TYPES: Record<string, KeyType> = {
  ...AUTH_TYPES,
  ...Object.fromEntries(Object.keys(CLOUD_KEYS).map((key) => [key, TEXT])),
  insecure: FLAG,
  api_timeout: SECONDS,
  verify: VERIFY,
  regions: REGIONS,
  auth: MAPPING,
};

/** The type found, never the value (it may be a secret). */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isTree(value)) return 'a mapping';
  return typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'a boolean' : 'a string';
}

/** A value of the wrong type (`region_name: [1, 2]`, `auth: x`) is an error, not silently skipped. */
function checkTypes(entry: Tree, file: string, cloud: string): void {
  const check = (tree: Tree, types: Record<string, KeyType>, prefix: string): void => {
    for (const [key, type] of Object.entries(types)) {
      const value = tree[key];
      if (value === null || value === undefined || type.accepts(value)) continue;
      throw new CliError(`${file}: cloud '${cloud}': '${prefix}${key}' must be ${type.expected}, not ${kindOf(value)}.`);
    }
  };
  check(entry, CLOUD_TYPES, '');
  if (isTree(entry.auth)) check(entry.auth, AUTH_TYPES, 'auth.');
}

function toSettings(entry: Tree): RawSettings {
  const out: RawSettings = {};
  const take = (tree: Tree, keys: Record<string, keyof Credentials>): void => {
    for (const [key, field] of Object.entries(keys)) {
      const value = tree[key];
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[field] ??= value;
    }
  };
  take(isTree(entry.auth) ? entry.auth : {}, AUTH_KEYS);
  // openstacksdk also takes auth keys written at the cloud's top level.
  take(entry, AUTH_KEYS);
  take(entry, CLOUD_KEYS);
  // `verify: false` is clouds.yaml's --insecure; a string is a CA bundle path.
  if (entry.verify === false) out.insecure ??= true;
  if (typeof entry.verify === 'string') out.cacert ??= entry.verify;
  const regions = entry.regions;
  if (out.regionName === undefined && Array.isArray(regions) && regions.length > 0) {
    const first = regions[0] as unknown;
    const name = isTree(first) ? first.name : first;
    if (typeof name === 'string') out.regionName = name;
  }
  return out;
}

export interface CloudLookup {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Overrides the searched directories (tests). */
  dirs?: readonly string[];
}

/** The named cloud's settings, with secure.yaml merged; an error naming what was searched and found otherwise. */
export function loadCloud(name: string, lookup: CloudLookup): RawSettings {
  const dirs = lookup.dirs ?? configDirs(lookup.env, lookup.cwd);
  const searched = candidates('clouds', lookup.env.OS_CLIENT_CONFIG_FILE, dirs);
  const cloudsFile = searched.find((path) => existsSync(path));
  const override = lookup.env.OS_CLIENT_CONFIG_FILE;
  const where = `${override ? `${override} (OS_CLIENT_CONFIG_FILE), ` : ''}clouds.yaml/.yml/.json in ${dirs.join(', ')}`;
  if (!cloudsFile) {
    throw new CliError(`Cloud '${name}' (--os-cloud / OS_CLOUD) not found: there is no clouds.yaml (searched ${where}).`);
  }
  const clouds = cloudsOf(readTree(cloudsFile), cloudsFile);
  const secureFile = candidates('secure', lookup.env.OS_CLIENT_SECURE_FILE, dirs).find((path) => existsSync(path));
  const secure = secureFile ? cloudsOf(readTree(secureFile), secureFile) : {};
  if (!Object.hasOwn(clouds, name)) {
    const found = Object.keys(clouds);
    throw new CliError(
      `Cloud '${name}' (--os-cloud / OS_CLOUD) is not in ${cloudsFile} (clouds found: ${found.join(', ') || 'none'}; ` + `searched ${where}).`,
    );
  }
  const main = cloudEntry(clouds[name], cloudsFile, name);
  return toSettings(secureFile && Object.hasOwn(secure, name) ? deepMerge(main, cloudEntry(secure[name], secureFile, name)) : main);
}

/** One file's entry for the cloud, keys normalised and their types checked. */
function cloudEntry(entry: unknown, file: string, cloud: string): Tree {
  if (!isTree(entry)) throw new CliError(`${file}: cloud '${cloud}' must be a mapping of settings, not ${entry === null ? 'empty' : kindOf(entry)}.`);
  const tree = normaliseKeys(entry);
  checkTypes(tree, file, cloud);
  return tree;
}

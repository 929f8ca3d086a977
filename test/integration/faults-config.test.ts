// Catalogue: broken credentials configuration. Each mistake is one line naming the file and line
// (or the variable), exit 1, nothing on stdout, and not one request sent to the cloud.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { adminEnv, cloud } from '../helpers/cloud.js';
import { oneLine, startCloudProxies, type CloudProxies } from '../helpers/fault-proxy.js';

let proxies: CloudProxies;
let dir: string;
let home: string;

beforeAll(async () => {
  proxies = await startCloudProxies(adminEnv());
  dir = mkdtempSync(join(tmpdir(), 'osc-faults-config-'));
  home = join(dir, 'home');
  mkdirSync(home);
});
afterAll(async () => proxies.close());

/** Writes a file in the test's directory and returns its path. */
const file = (name: string, text: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** Runs glance with only what the test gives (no OS_* from adminEnv), in the test's directory. */
async function expectConfigError(args: string[], env: Record<string, string>, expected: RegExp | string): Promise<void> {
  proxies.reset();
  const r = await runCli('glance', [...args, 'image-list'], { env: { HOME: home, ...env }, cwd: dir });
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  const line = oneLine(r.stderr);
  if (typeof expected === 'string') expect(line).toBe(expected);
  else expect(line).toMatch(expected);
  expect(proxies.keystone.requests).toEqual([]);
  expect(proxies.glance.requests).toEqual([]);
}

const AUTH = (): string => `${proxies.keystone.url}/v3`;

describe('bad keystonerc files (--os-rc)', () => {
  const rc = (name: string, body: string): string => file(name, `export OS_AUTH_URL=${AUTH()}\nexport OS_TENANT_NAME=admin\n${body}`);

  it('unterminated quote → file:line', async () => {
    const path = rc('unterminated.rc', 'export OS_USERNAME=admin\nexport OS_PASSWORD="secret\n');
    await expectConfigError(['--os-rc', path], {}, `${path}:4: unterminated double quote.`);
  });
  it('a shell command the parser must not run → file:line and the line', async () => {
    const path = rc('source.rc', 'source /etc/profile\nexport OS_USERNAME=admin\n');
    await expectConfigError(['--os-rc', path], {}, new RegExp(`^${path}:3: cannot understand 'source /etc/profile'`));
  });
  it('command substitution → file:line, and nothing is executed', async () => {
    const marker = join(dir, 'executed');
    const path = rc('subst.rc', `export OS_PASSWORD=$(touch ${marker})\n`);
    await expectConfigError(['--os-rc', path], {}, `${path}:3: command substitution is not supported in a credentials file: write the value itself.`);
    expect(() => readFileSync(marker)).toThrow();
  });
  it('backticks → file:line', async () => {
    const path = rc('backtick.rc', 'export OS_PASSWORD=`cat /etc/passwd`\n');
    await expectConfigError(['--os-rc', path], {}, new RegExp(`^${path}:3: command substitution`));
  });
  it('a value with an unquoted space → file:line', async () => {
    const path = rc('space.rc', 'export OS_USERNAME=ad min\n');
    await expectConfigError(['--os-rc', path], {}, new RegExp(`^${path}:3: unexpected text after the value`));
  });
  it('missing file → names the path and --os-rc', async () => {
    const path = join(dir, 'no-such.rc');
    await expectConfigError(['--os-rc', path], {}, `Cannot read credentials file ${path} (no such file): check the path given to --os-rc.`);
  });
  it('a directory instead of a file → names the path', async () => {
    const path = join(dir, 'a-directory.rc');
    mkdirSync(path, { recursive: true });
    await expectConfigError(['--os-rc', path], {}, `Cannot read credentials file ${path}: it is a directory, not a regular file.`);
  });
  it('an rc file that sets no password → names the missing variable', async () => {
    const path = rc('nopass.rc', 'export OS_USERNAME=admin\n');
    await expectConfigError(['--os-rc', path], {}, /^Missing credentials: a password \(OS_PASSWORD or --os-password\)/);
  });
  it('the rc file is left exactly as it was', async () => {
    const body = 'export OS_USERNAME=admin\nexport OS_PASSWORD="x\n';
    const path = rc('untouched.rc', body);
    const before = readFileSync(path);
    await expectConfigError(['--os-rc', path], {}, /untouched\.rc:4:/);
    expect(readFileSync(path)).toEqual(before);
  });
});

describe('bad clouds.yaml', () => {
  const yaml = (name: string, text: string | Buffer): Record<string, string> => ({ OS_CLIENT_CONFIG_FILE: file(name, text) });

  it('YAML syntax error → file and line', async () => {
    const env = yaml('syntax.yaml', 'clouds:\n  lab:\n    auth: [\n');
    await expectConfigError(['--os-cloud', 'lab'], env, new RegExp(`^Cannot read ${env.OS_CLIENT_CONFIG_FILE}: .*line \\d+, column \\d+\\.$`));
  });
  it('"clouds" is not a mapping → names the file', async () => {
    const env = yaml('scalar.yaml', 'clouds: 5\n');
    await expectConfigError(['--os-cloud', 'lab'], env, `${env.OS_CLIENT_CONFIG_FILE}: "clouds" must be a mapping of cloud names.`);
  });
  it('binary garbage → names the file', async () => {
    const env = yaml('binary.yaml', Buffer.from([0, 0xff, 0xfe, 0x41]));
    await expectConfigError(['--os-cloud', 'lab'], env, new RegExp(`${env.OS_CLIENT_CONFIG_FILE}`));
  });
  it('unknown cloud name → names the cloud, the file and the clouds it has', async () => {
    const env = yaml(
      'named.yaml',
      `clouds:\n  lab:\n    auth:\n      auth_url: ${AUTH()}\n      username: admin\n      password: x\n      project_name: admin\n`,
    );
    await expectConfigError(['--os-cloud', 'labb'], env, new RegExp(`^Cloud 'labb' .*is not in ${env.OS_CLIENT_CONFIG_FILE} \\(clouds found: lab;`));
  });
  it('OS_CLOUD naming an unknown cloud, no clouds.yaml anywhere → says none was found and where it looked', async () => {
    await expectConfigError([], { OS_CLOUD: 'ghost' }, /^Cloud 'ghost' .*not found: there is no clouds\.yaml \(searched .*\)\.$/);
  });
  it('a cloud without a password → names what is missing', async () => {
    const env = yaml('nopass.yaml', `clouds:\n  lab:\n    auth:\n      auth_url: ${AUTH()}\n      username: admin\n      project_name: admin\n`);
    await expectConfigError(['--os-cloud', 'lab'], env, /^Missing credentials: a password/);
  });
});

describe('missing or bad variables', () => {
  it('nothing at all → names every missing variable and how to fix it', async () => {
    await expectConfigError(
      [],
      {},
      'Missing credentials: an auth URL (OS_AUTH_URL or --os-auth-url); a user name (OS_USERNAME or --os-username); a password (OS_PASSWORD or --os-password). Source your keystonerc, pass --os-rc FILE, or use --os-cloud.',
    );
  });
  it('no OS_USERNAME → names it', async () => {
    await expectConfigError(
      [],
      { OS_AUTH_URL: AUTH(), OS_PASSWORD: 'x', OS_TENANT_NAME: 'admin' },
      /^Missing credentials: a user name \(OS_USERNAME or --os-username\)\./,
    );
  });
  it('no OS_AUTH_URL → names it', async () => {
    await expectConfigError(
      [],
      { OS_USERNAME: 'admin', OS_PASSWORD: 'x', OS_TENANT_NAME: 'admin' },
      /^Missing credentials: an auth URL \(OS_AUTH_URL or --os-auth-url\)\./,
    );
  });
  it('an auth URL that is not a URL → names the variable and the value', async () => {
    await expectConfigError(
      [],
      { OS_AUTH_URL: 'keystone:5000', OS_USERNAME: 'admin', OS_PASSWORD: 'x' },
      /^OS_AUTH_URL \/ --os-auth-url must be an http:\/\/ or https:\/\/ URL, not 'keystone:5000'\.$/,
    );
  });
  it('--timeout that is not a number → a usage error naming the flag (exit 2), nothing sent', async () => {
    proxies.reset();
    const r = await runCli('glance', ['--timeout', 'soon', 'image-list'], {
      env: { HOME: home, OS_AUTH_URL: AUTH(), OS_USERNAME: 'admin', OS_PASSWORD: 'x' },
      cwd: dir,
    });
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      "usage: glance [options] [command]\nglance: error: argument --timeout: invalid number of seconds: 'soon' (use a positive number, e.g. 30 or 0.5)\n",
    );
    expect(proxies.keystone.requests).toEqual([]);
  });
  it('--os-cacert file that does not exist → names the flag and the path', async () => {
    const missing = join(dir, 'no-ca.pem');
    await expectConfigError(['--os-cacert', missing], { OS_AUTH_URL: AUTH(), OS_USERNAME: 'admin', OS_PASSWORD: 'x' }, new RegExp(`--os-cacert.*${missing}`));
  });
  it('sanity: the same runner with the real keystonerc works', async () => {
    const r = await runCli('glance', ['--os-rc', cloud().keystonerc, 'image-list'], { env: { HOME: home }, cwd: dir });
    expect(r.code).toBe(0);
  });
});

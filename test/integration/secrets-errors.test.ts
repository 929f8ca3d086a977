// Secrets never leak through ERROR paths: a malformed rc file line holding a password, a typo'd
// flag written as --flag=SECRET, a wrong password or application-credential secret, a broken
// clouds.yaml. Each run fails as it should, and neither stdout nor stderr (with and without
// --debug) contains the secret.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { adminEnv, cloud } from '../helpers/cloud.js';

const SECRET = `Sx-${randomBytes(10).toString('hex')}`;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'osc-secrets-errors-'));
});

const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

interface Case {
  name: string;
  command: 'glance' | 'keystone';
  args: () => string[];
  env?: () => Record<string, string>;
  code: number;
}

const AUTH = (): Record<string, string> => ({ OS_AUTH_URL: cloud().keystone_url, OS_USERNAME: 'admin', OS_TENANT_NAME: 'admin' });

const CASES: Case[] = [
  {
    name: 'rc line `export OS_PASSWORD = SECRET` (spaces around =)',
    command: 'glance',
    code: 1,
    args: () => ['--os-rc', file('spaces.rc', `export OS_AUTH_URL=${cloud().keystone_url}\nexport OS_PASSWORD = ${SECRET}\n`), 'image-list'],
  },
  { name: 'rc line `OS_TOKEN SECRET` (no =)', command: 'keystone', code: 1, args: () => ['--os-rc', file('noeq.rc', `OS_TOKEN ${SECRET}\n`), 'tenant-list'] },
  {
    name: 'rc line `OS_APPLICATION_CREDENTIAL_SECRET=SECRET extra`',
    command: 'glance',
    code: 1,
    args: () => ['--os-rc', file('extra.rc', `OS_APPLICATION_CREDENTIAL_SECRET=${SECRET} extra\n`), 'image-list'],
  },
  {
    name: 'rc with an unterminated quote after the password',
    command: 'glance',
    code: 1,
    args: () => ['--os-rc', file('quote.rc', `export OS_PASSWORD="${SECRET}\n`), 'image-list'],
  },
  { name: 'typo flag --os-pasword=SECRET', command: 'glance', code: 2, args: () => [`--os-pasword=${SECRET}`, 'image-list'], env: AUTH },
  {
    name: 'typo flag --os-application-credential-secrt=SECRET',
    command: 'keystone',
    code: 2,
    args: () => [`--os-application-credential-secrt=${SECRET}`, 'tenant-list'],
    env: AUTH,
  },
  { name: 'unknown command after --os-password SECRET', command: 'keystone', code: 2, args: () => ['--os-password', SECRET, 'tenant-lst'], env: AUTH },
  { name: 'wrong password on the command line', command: 'keystone', code: 1, args: () => ['--os-password', SECRET, 'tenant-list'], env: AUTH },
  {
    name: 'wrong password on the command line, --debug',
    command: 'glance',
    code: 1,
    args: () => ['--debug', '--no-cache', '--os-password', SECRET, 'image-list'],
    env: AUTH,
  },
  {
    name: 'wrong application credential secret, --debug',
    command: 'glance',
    code: 1,
    args: () => [
      '--debug',
      '--os-auth-type',
      'v3applicationcredential',
      '--os-application-credential-id',
      'a'.repeat(32),
      '--os-application-credential-secret',
      SECRET,
      'image-list',
    ],
    env: () => ({ OS_AUTH_URL: cloud().keystone_url }),
  },
  {
    name: 'invalid token in token mode, --debug',
    command: 'keystone',
    code: 1,
    args: () => ['--debug', '--os-token', SECRET, '--os-endpoint', cloud().keystone_url, 'tenant-list'],
  },
  {
    name: 'invalid --os-auth-token for glance, --debug',
    command: 'glance',
    code: 1,
    args: () => ['--debug', '--os-auth-token', SECRET, '--os-image-url', cloud().glance_url, 'image-list'],
  },
  {
    name: 'clouds.yaml with a YAML error on the password line',
    command: 'glance',
    code: 1,
    args: () => ['--os-cloud', 'lab', 'image-list'],
    env: () => ({ OS_CLIENT_CONFIG_FILE: file('broken.yaml', `clouds:\n  lab:\n    auth:\n      password: ${SECRET}: [\n`) }),
  },
  {
    name: 'password with a bad auth URL',
    command: 'glance',
    code: 1,
    args: () => ['--os-password', SECRET, '--os-auth-url', `not-a-url-${SECRET}`.slice(0, 12), 'image-list'],
    env: () => ({ OS_USERNAME: 'admin' }),
  },
  {
    name: 'password given, Keystone refused (connection refused)',
    command: 'glance',
    code: 1,
    args: () => ['--debug', '--os-password', SECRET, '--os-auth-url', 'http://127.0.0.1:9/v3', 'image-list'],
    env: () => ({ OS_USERNAME: 'admin' }),
  },
];

describe('error paths do not print secrets', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const r = await runCli(c.command, c.args(), { env: c.env?.() ?? {}, cwd: dir });
      expect(r.code, r.stderr).toBe(c.code);
      expect(r.stderr.length).toBeGreaterThan(0);
      expect(r.stdout).not.toContain(SECRET);
      expect(r.stderr).not.toContain(SECRET);
      expect(r.stderr).not.toContain(Buffer.from(SECRET).toString('base64'));
    });
  }

  it('sanity: the right password on the command line works, and --debug shows it redacted', async () => {
    const r = await runCli('keystone', ['--debug', '--no-cache', '--os-password', cloud().admin_password, 'tenant-list'], {
      env: { ...adminEnv(), OS_PASSWORD: '' },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/"password":"\*\*\*"/);
    expect(r.stderr + r.stdout).not.toContain(cloud().admin_password);
  });
});

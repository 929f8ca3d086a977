import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCredentials } from '../../src/config/resolve.js';

const base = { OS_AUTH_URL: 'http://ks:5000/v3', OS_USERNAME: 'env-user', OS_PASSWORD: 'env-pw', OS_PROJECT_NAME: 'env-project' };

function file(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'osc-resolve-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('credential precedence: flags > --os-rc > environment > clouds.yaml', () => {
  it('flags beat the rc file, which beats the environment, which beats clouds.yaml', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osc-resolve-'));
    writeFileSync(
      join(dir, 'clouds.yaml'),
      'clouds:\n  c:\n    auth: {auth_url: "http://cloud:5000/v3", username: cloud-user, password: cloud-pw, project_name: cloud-project, user_domain_name: CloudDomain}\n    region_name: CloudRegion\n',
    );
    const rc = file('rc', 'export OS_TENANT_NAME=rc-project\nexport OS_USERNAME=rc-user\n');
    const creds = await resolveCredentials({
      flags: { username: 'flag-user' },
      env: { ...base, HOME: dir, XDG_CONFIG_HOME: join(dir, 'none') },
      rcPath: rc,
      cloudName: 'c',
      cwd: dir,
    });
    expect(creds).toMatchObject({
      username: 'flag-user', // flag
      projectName: 'rc-project', // OS_TENANT_NAME in the rc beats OS_PROJECT_NAME in the environment
      password: 'env-pw', // environment
      authUrl: 'http://ks:5000/v3',
      userDomainName: 'CloudDomain', // only clouds.yaml has it
      regionName: 'CloudRegion',
      authType: 'password',
      interface: 'public',
      timeoutSeconds: 600,
      cache: true,
      insecure: false,
    });
  });

  it('an rc file that unsets a name removes it from the environment', async () => {
    const rc = file('rc', 'unset OS_SERVICE_TOKEN\nunset OS_SERVICE_ENDPOINT\n');
    const creds = await resolveCredentials({ flags: {}, env: { ...base, OS_SERVICE_TOKEN: 't', OS_SERVICE_ENDPOINT: 'http://ks:35357/v2.0' }, rcPath: rc });
    expect(creds.authType).toBe('password');
    expect(creds.token).toBeUndefined();
  });

  it('accepts the classic aliases', async () => {
    const creds = await resolveCredentials({
      flags: {},
      env: {
        OS_AUTH_URL: 'http://ks:5000/v2.0/',
        OS_USER_ID: 'u1',
        OS_PASSWORD: 'p',
        OS_TENANT_ID: 't1',
        OS_ENDPOINT_TYPE: 'internalURL',
        OS_DEFAULT_DOMAIN: 'd1',
        OS_INSECURE: 'true',
        OS_CACHE: '0',
      },
    });
    expect(creds).toMatchObject({ userId: 'u1', projectId: 't1', interface: 'internal', defaultDomain: 'd1', insecure: true, cache: false });
  });

  it('infers the auth type: application credential, token, token mode', async () => {
    const resolve = (env: NodeJS.ProcessEnv) => resolveCredentials({ flags: {}, env });
    expect((await resolve({ OS_AUTH_URL: 'http://ks/v3', OS_APPLICATION_CREDENTIAL_ID: 'a', OS_APPLICATION_CREDENTIAL_SECRET: 's' })).authType).toBe(
      'v3applicationcredential',
    );
    expect((await resolve({ OS_AUTH_URL: 'http://ks/v3', OS_TOKEN: 't' })).authType).toBe('token');
    expect((await resolve({ OS_SERVICE_TOKEN: 't', OS_SERVICE_ENDPOINT: 'http://ks:35357/v2.0' })).authType).toBe('admin_token');
    expect((await resolve({ OS_TOKEN: 't', OS_URL: 'http://ks:5000/v3' })).authType).toBe('admin_token');
    expect((await resolve({ OS_AUTH_TOKEN: 't', OS_IMAGE_URL: 'http://glance:9292' })).authType).toBe('admin_token');
    expect((await resolve({ OS_AUTH_URL: 'http://ks/v3', OS_AUTH_TYPE: 'v3password', OS_USERNAME: 'u', OS_PASSWORD: 'p' })).authType).toBe('password');
  });

  it('warns, as keystone did, when token mode ignores a password', async () => {
    const warnings: string[] = [];
    const creds = await resolveCredentials({
      flags: {},
      env: { ...base, OS_SERVICE_TOKEN: 't', OS_SERVICE_ENDPOINT: 'http://ks:35357/v2.0' },
      warn: (m) => warnings.push(m),
    });
    expect(creds.authType).toBe('admin_token');
    expect(warnings).toEqual(['WARNING: Bypassing authentication using a token & endpoint (authentication credentials are being ignored).']);
  });

  it('says what is missing and how to fix it', async () => {
    await expect(resolveCredentials({ flags: {}, env: {} })).rejects.toThrow(
      'Missing credentials: an auth URL (OS_AUTH_URL or --os-auth-url); a user name (OS_USERNAME or --os-username); a password (OS_PASSWORD or --os-password). Source your keystonerc, pass --os-rc FILE, or use --os-cloud.',
    );
    await expect(resolveCredentials({ flags: {}, env: { OS_SERVICE_ENDPOINT: 'http://ks:35357/v2.0' } })).rejects.toThrow(
      /^Expecting a token provided via either --os-token or env\[OS_SERVICE_TOKEN\]/,
    );
    await expect(resolveCredentials({ flags: {}, env: { ...base, OS_AUTH_URL: 'controller:5000' } })).rejects.toThrow(
      "OS_AUTH_URL / --os-auth-url must be an http:// or https:// URL, not 'controller:5000'.",
    );
    await expect(resolveCredentials({ flags: { timeoutSeconds: 'soon' }, env: base })).rejects.toThrow(
      "--timeout must be a positive number of seconds, not 'soon'.",
    );
    await expect(resolveCredentials({ flags: {}, env: { ...base, OS_INTERFACE: 'sideways' } })).rejects.toThrow(/Unknown interface 'sideways'/);
  });

  it("Horizon's openrc: prompts for the password at a terminal, says so without one, keeps a given password", async () => {
    const rc = file(
      'openrc.sh',
      'export OS_AUTH_URL=http://ks:5000/v3\nexport OS_USERNAME=admin\nexport OS_PROJECT_NAME=admin\nread -sr OS_PASSWORD_INPUT\nexport OS_PASSWORD=$OS_PASSWORD_INPUT\n',
    );
    let asked = 0;
    const promptPassword = async (): Promise<string> => {
      asked++;
      return 'typed';
    };
    const prompted = await resolveCredentials({ flags: {}, env: {}, rcPath: rc, promptPassword });
    expect(prompted.password).toBe('typed');
    expect(asked).toBe(1);
    await expect(resolveCredentials({ flags: {}, env: {}, rcPath: rc })).rejects.toThrow(
      /a password \(the rc file reads it at a terminal and there is none: pass --os-password or set OS_PASSWORD\)/,
    );
    expect((await resolveCredentials({ flags: {}, env: { OS_PASSWORD: 'from-env' }, rcPath: rc })).password).toBe('from-env');
  });

  it('does not ask for a password when something else is missing anyway', async () => {
    let asked = 0;
    const promptPassword = async (): Promise<string> => {
      asked++;
      return 'pw';
    };
    await expect(resolveCredentials({ flags: {}, env: { OS_USERNAME: 'u' }, promptPassword })).rejects.toThrow(
      'Missing credentials: an auth URL (OS_AUTH_URL or --os-auth-url). Source your keystonerc, pass --os-rc FILE, or use --os-cloud.',
    );
    expect(asked).toBe(0);
  });

  it('a missing --os-rc file is a clear error', async () => {
    await expect(resolveCredentials({ flags: {}, env: base, rcPath: '/nonexistent/keystonerc' })).rejects.toThrow(
      'Cannot read credentials file /nonexistent/keystonerc (no such file): check the path given to --os-rc.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { globalsFrom } from '../../src/cli/globals.js';
import { buildProgram } from '../../src/cli/program.js';
import { normaliseArgv } from '../../src/main.js';

/** Parses global flags as the real program does and returns the credential flags it collected. */
async function flags(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let globals: ReturnType<typeof globalsFrom> | undefined;
  const noop = { spec: { name: 'noop', summary: '' }, parse: () => ({}), run: async () => 0 };
  const program = buildProgram('keystone', '0', '', [noop as never], async (_m, _o, _a, g) => {
    globals = globalsFrom(g, env, 'keystone');
  });
  program.exitOverride();
  await program.parseAsync(normaliseArgv([...argv, 'noop']), { from: 'user' });
  return globals!;
}

describe('global credential flags', () => {
  it('accepts the classic underscore spellings (--os_username, --os_password=…)', async () => {
    expect(normaliseArgv(['--os_username', 'u', '--os_tenant_name=t_1', 'x_y', '--name=a_b'])).toEqual([
      '--os-username',
      'u',
      '--os-tenant-name=t_1',
      'x_y',
      '--name=a_b',
    ]);
    const g = await flags(['--os_username', 'admin', '--os_password=pa_ss', '--os_auth_url', 'http://ks:5000/v2.0', '--os_tenant_name', 'admin']);
    expect(g.credentialFlags).toEqual({ username: 'admin', password: 'pa_ss', authUrl: 'http://ks:5000/v2.0', projectName: 'admin' });
  });

  it('maps every alias to one field, plus --insecure, --no-cache, --force-new-token and --timeout', async () => {
    const g = await flags([
      '--os-tenant-id',
      'tid',
      '--os-endpoint-type',
      'internalURL',
      '--os-auth-token',
      'tok',
      '--os-endpoint',
      'http://ks:35357/v2.0',
      '--os-cacert',
      '/ca',
      '--os-cert',
      '/c',
      '--os-key',
      '/k',
      '--insecure',
      '--no-cache',
      '--force-new-token',
      '--timeout',
      '30',
      '--os-rc',
      '/rc',
      '--os-cloud',
      'prod',
      '--debug',
    ]);
    expect(g.credentialFlags).toEqual({
      projectId: 'tid',
      interface: 'internalURL',
      token: 'tok',
      endpoint: 'http://ks:35357/v2.0',
      cacert: '/ca',
      cert: '/c',
      key: '/k',
      insecure: true,
      cache: false,
      forceNewToken: true,
      timeoutSeconds: 30,
    });
    expect(g).toMatchObject({ rcPath: '/rc', cloud: 'prod', debug: true });
  });

  it('OS_CLOUD names the cloud when --os-cloud is absent', async () => {
    expect((await flags([], { OS_CLOUD: 'envcloud' })).cloud).toBe('envcloud');
    expect((await flags(['--os-cloud', 'flagcloud'], { OS_CLOUD: 'envcloud' })).cloud).toBe('flagcloud');
  });
});
